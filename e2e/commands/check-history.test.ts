/**
 * tools/check-history on a repository of real Wasmtime commits: the plan for each golden case
 * matches what the commit wrote, and a fact written differently is named.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesRoot, makeWorkspace, repoRoot, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

describe.runIf(existsSync(join(fixturesRoot, 'cut-45')))('tools/check-history on a repository of real Wasmtime commits', () => {
  let ws: TempWorkspace;
  const tool = (args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'tools/check-history.mjs'), ws.dir, ...args], { encoding: 'utf8' });
  const replaceTree = (from: string) => {
    for (const name of readdirSync(ws.dir)) if (name !== '.git') rmSync(join(ws.dir, name), { recursive: true, force: true });
    cpSync(from, ws.dir, { recursive: true });
    ws.git(['add', '-A']);
  };
  beforeAll(async () => {
    ws = makeWorkspace({});
    cleanups.push(ws.cleanup);
    ws.git(['init', '-q', '-b', 'main']);
    for (const c of ['cut-45', 'patch-46.0.1']) {
      replaceTree(join(fixturesRoot, c, 'before/tree'));
      ws.git(['commit', '-q', '--allow-empty', '-m', `${c} before`]);
      replaceTree(join(fixturesRoot, c, 'after/tree'));
      ws.git(['commit', '-q', '-m', c]);
      ws.git(['tag', c]);
    }
  });

  it.each(['cut-45', 'patch-46.0.1'])('the plan for %s matches the real commit, with and without the preset', (c) => {
    // Without the preset, the one setting that makes Cranelift's line move with every release.
    const follow = join(ws.dir, '..', `follow-${c}.json`);
    writeFileSync(follow, JSON.stringify({ versionLines: { follow: ['cranelift*'] } }));
    for (const preset of [['--preset=wasmtime'], [`--options=${follow}`]]) {
      const r = tool([c, ...preset]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/113 version facts compared \(79 changed by the commit\)/);
      expect(r.stdout).toContain('the plan matches the commit');
    }
  });

  it('names a fact the commit wrote differently, and fails', async () => {
    ws.git(['checkout', '-q', 'cut-45^']);
    replaceTree(join(fixturesRoot, 'cut-45', 'after/tree'));
    const root = join(ws.dir, 'Cargo.toml');
    writeFileSync(root, readFileSync(root, 'utf8').replace(/(wasmtime-environ = \{[^\n]*version = ")=46\.0\.0/, '$1=46.0'));
    ws.git(['commit', '-qam', 'cut-45 with a partial pin']);
    const r = tool(['HEAD', '--preset=wasmtime']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /MISMATCH Cargo\.toml:\d+: requirement on wasmtime-environ in \[workspace\.dependencies\]: planned "=46\.0\.0", the commit wrote "=46\.0"/,
    );
  });
});
