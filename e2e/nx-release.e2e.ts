/**
 * `nx release` on a Cargo workspace through the plugin's version actions (issue 25), with the
 * real nx CLI on a copy of examples/mini-wasmtime: what Nx itself does with them (its release
 * groups, its tree, its formatting pass, its commit and tag) must leave exactly the bytes the
 * train's cut writes. The arithmetic and the edits are proven in core/version/nx-*.spec.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseMajorCommand } from '../packages/nx-release-train/src/commands/release-major';
import { releaseMajorFlags } from '../packages/nx-release-train/src/core/flags/release-major';
import { releaseConfigGenerator } from '../packages/nx-release-train/src/generators/release-config/generator';
import { DEFAULT_OPTIONS } from '../packages/nx-release-train/src/core/settings/options';
import { planVersions } from '../packages/nx-release-train/src/core/version';
import { buildWorkspace } from '../packages/nx-release-train/src/core/workspace';
import { wasmtimePreset } from '../packages/nx-release-train/src/presets/wasmtime';
import { runCommand } from './support/command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from './support/workspace';

const workspaces: TempWorkspace[] = [];
afterEach(() => {
  for (const ws of workspaces.splice(0)) ws.cleanup();
});

function workspace(init: Parameters<typeof makeWorkspace>[0] = { from: exampleRoot, git: true, options: wasmtimePreset }): TempWorkspace {
  const ws = makeWorkspace(init);
  workspaces.push(ws);
  return ws;
}

async function configure(ws: TempWorkspace): Promise<void> {
  const tree = new FsTree(ws.dir, false);
  await releaseConfigGenerator(tree);
  flushChanges(ws.dir, tree.listChanges());
}

/** Bevy's shape: one literal `0.x.0-dev` on every crate, caret-less requirements, no Cargo.lock, no preset. */
function bevyShaped(v: string): Record<string, string> {
  const crates = ['bevy_ecs', 'bevy_app', 'bevy_internal'];
  const files: Record<string, string> = {
    'Cargo.toml': `[package]\nname = "bevy"\nversion = "${v}"\nedition = "2024"\n\n[workspace]\nmembers = ["crates/*", "tools/*"]\n\n[dependencies]\n# the engine\nbevy_internal = { path = "crates/bevy_internal", version = "${v}", default-features = false }\n`,
    'tools/ci/Cargo.toml': `[package]\nname = "ci"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\nbevy = { path = "../..", version = "${v}" }\n`,
  };
  crates.forEach((name, i) => {
    const deps = crates.slice(0, i).map((d) => `${d} = { path = "../${d}", version = "${v}" }`);
    files[`crates/${name}/Cargo.toml`] = `[package]\nname = "${name}"\nversion = "${v}"\nedition = "2024"\n\n[dependencies]\n${deps.join('\n')}\nserde = "1"\n`;
  });
  return files;
}

const output = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

describe('nx release with nx-release-train/version-actions', () => {
  it('nx release 6.0.0 --skip-publish writes what the cut writes, commits and tags; keywords off the train are refused', async () => {
    // The reference: the train's cut, in-process, on its own copy.
    const cut = workspace();
    const ran = await runCommand(releaseMajorCommand, releaseMajorFlags, { root: cut.dir, flags: { date: '2026-12-05' } });
    expect(ran.ok, ran.out).toBe(true);
    const bump = cut.git(['log', '--all', '--format=%H', '--grep=^Bump Wasmtime to 6.0.0']);
    expect(bump).toMatch(/^[0-9a-f]{40}$/);

    // nx release as Nx's documentation describes it, configured by the generator.
    const ws = workspace();
    await configure(ws);
    const release = JSON.parse(readFileSync(join(ws.dir, 'nx.json'), 'utf8')).release;
    expect(release.version.versionActions).toBe('nx-release-train/version-actions');
    expect(Object.keys(release.groups)).toEqual(['workspace', 'cranelift']);
    ws.git(['commit', '-q', '-am', 'nx release configuration']);

    const minor = ws.nx(['release', 'version', 'minor', '--dry-run']);
    expect(minor.status, output(minor)).not.toBe(0);
    expect(output(minor)).toContain('"minor" on 5.0.0 (released): the release train has no minor releases');
    expect(output(minor)).toContain('nx release-major');

    const run = ws.nx(['release', '6.0.0', '--skip-publish']);
    expect(run.status, output(run)).toBe(0);
    expect(output(run)).toContain('explicit version "6.0.0": 0.92.0 -> 0.93.0');

    // Every file the cut changed on main, byte for byte, and nothing else; RELEASES.md is the
    // train's own (nx release leaves the notes alone).
    const changed = ws.git(['diff', '--name-only', 'HEAD~1', 'HEAD']).split('\n');
    const byCut = cut
      .git(['diff', '--name-only', `${bump}~1`, bump])
      .split('\n')
      .filter((f) => f !== 'RELEASES.md');
    expect(changed).toEqual(byCut);
    expect(changed).toEqual(expect.arrayContaining(['Cargo.lock', 'Cargo.toml', 'crates/c-api/include/wasmtime.h', 'cranelift/codegen/Cargo.toml']));
    for (const file of changed) expect(ws.git(['show', `HEAD:${file}`]), file).toBe(cut.git(['show', `${bump}:${file}`]));
    // Comments and layout: the bytes above; said once more where a formatter would differ.
    expect(ws.git(['show', 'HEAD:Cargo.toml'])).toContain(
      '# Internal crates: required exactly; some are published under another name.\nwasmtime-cli-flags = { path = "crates/cli-flags", version = "=6.0.0" }',
    );
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(ws.git(['tag', '--list']).split('\n')).toEqual(['cranelift-v0.93.0', 'v6.0.0']);
  }, 120_000);

  it('nx release version major on a Bevy-shaped -dev main writes what the cut writes', async () => {
    const files = bevyShaped('0.19.0-dev');
    const ws = workspace({ git: false, options: {} });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(ws.dir, file)), { recursive: true });
      writeFileSync(join(ws.dir, file), text);
    }
    await configure(ws);
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'bevy 0.19.0-dev']);
    const run = ws.nx(['release', 'version', 'major']);
    expect(run.status, output(run)).toBe(0);
    expect(output(run)).toContain('"major" on the release train: 0.19.0-dev -> 0.20.0-dev');

    const workspaceModel = buildWorkspace({ manifests: Object.keys(files), read: (p) => files[p] ?? null });
    const cut = planVersions({ workspace: workspaceModel, files, options: DEFAULT_OPTIONS, bump: 'major' });
    expect(cut.edits.map((e) => e.file)).toEqual(ws.git(['diff', '--name-only', 'HEAD']).split('\n'));
    for (const edit of cut.edits) expect(readFileSync(join(ws.dir, edit.file), 'utf8'), edit.file).toBe(edit.after);
  }, 120_000);
});
