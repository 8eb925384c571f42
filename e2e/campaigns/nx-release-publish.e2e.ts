/**
 * The "done when" (issue 25), end to end with real nx, real cargo and the local
 * registry: on a copy of the bundled example, `nx release 6.0.0 --skip-publish` and then
 * `nx release publish` publish every publishable crate once, at its new version, each after
 * the crates it needs are visible in the index. Slow (every crate is packaged and uploaded),
 * hence a campaign; the versioning itself is proven in e2e/nx-release.e2e.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { afterEach, describe, expect, it } from 'vitest';
import { publishOrder } from '../../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../../packages/nx-release-train/src/effects/workspace-fs';
import { releaseConfigGenerator } from '../../packages/nx-release-train/src/generators/release-config/generator';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { startRegistry, writeCargoHome } from '../../tools/local-registry';
import { exampleRoot, gitEnv, makeWorkspace, NX_ENV, repoRoot } from '../support/workspace';

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The real nx CLI without blocking this process (the registry answers from it). */
function nx(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.skipIf(!hasCargo)('nx release, then nx release publish, against the local registry', () => {
  it('publishes every crate once, at the version nx release wrote, in dependency order', async () => {
    const ws = makeWorkspace({ from: exampleRoot, git: true, options: { ...wasmtimePreset, registry: 'local' } });
    const reg = await startRegistry();
    const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
    cleanups.push(
      () => reg.stop(),
      ws.cleanup,
      () => rmSync(home, { recursive: true, force: true }),
    );
    const env = { ...process.env, ...gitEnv(), ...NX_ENV, ...writeCargoHome(home, reg) };

    const tree = new FsTree(ws.dir, false);
    await releaseConfigGenerator(tree);
    flushChanges(ws.dir, tree.listChanges());
    ws.git(['commit', '-q', '-am', 'nx release configuration']);
    const version = await nx(ws.dir, ['release', '6.0.0', '--skip-publish'], env);
    expect(version.code, version.out).toBe(0);

    const publish = await nx(ws.dir, ['release', 'publish', '--output-style=static'], env);
    expect(publish.code, publish.out).toBe(0);
    const model = loadWorkspace(ws.dir);
    const order = publishOrder(model);
    const crates = model.members.filter((c) => c.publishable);
    expect(crates.map((c) => c.version)).toEqual(crates.map((c) => (c.versionFrom === 'workspace' ? '6.0.0' : '0.93.0')));
    for (const crate of crates) {
      expect(reg.published(crate.name), crate.name).toEqual([crate.version]);
      const uploads = reg.events.filter((e) => e.route === 'publish' && e.crate === crate.name && e.status === 200);
      expect(uploads.length, crate.name).toBe(1);
      for (const dep of order.needs[crate.name]) {
        const seen = reg.version(dep, model.members.find((c) => c.name === dep)!.version);
        expect(uploads[0].at, `${crate.name} uploaded before ${dep} was visible`).toBeGreaterThanOrEqual(seen!.visibleAt);
      }
    }
  }, 600_000);
});
