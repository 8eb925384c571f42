/**
 * `nx release-patch --target=4.x` as a maintainer types it, the command in-process against
 * real git (--target arriving as the preTasksExecution hook hands it on): only the named line
 * moves, from any checkout, and nothing else is touched.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { repoState, treeMismatches } from '../support/state';
import { exampleRepo } from '../support/fixtures';
import { ok, refused } from '../support/train-cli';
import { exampleRoot, fixturesRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Rewrites the example from 5.0.0 to 3.0.0 (and its 0.92 line to 0.90) in every text file. */
function rewindExample(dir: string): void {
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (['.git', 'node_modules', 'target'].includes(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(toml|lock|md|h)$/.test(name)) {
        const text = readFileSync(p, 'utf8');
        const next = text
          .replace(/\b5\.0\.0\b/g, '3.0.0')
          .replace(/\b0\.92\.0\b/g, '0.90.0')
          .replace(/WASMTIME_VERSION_MAJOR 5\b/, 'WASMTIME_VERSION_MAJOR 3')
          .replace(/^\* \[4\.0\.x\].*\n/m, '')
          .replace(/^\* \[3\.0\.x\].*\n/m, '');
        if (next !== text) writeFileSync(p, next);
      }
    }
  };
  walk(dir);
}

describe('release lines 3, 4, 5 with main at 6.0.0', () => {
  let ws: TempWorkspace;
  beforeAll(async () => {
    ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset });
    cleanups.push(ws.cleanup);
    rewindExample(ws.dir);
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'initial at 3.0.0']);
    for (const v of ['3', '4', '5']) {
      expect(await ok(ws, ['release-major'])).toContain(`cut release-${v}.0.0`);
      // A month of work lands between two cuts.
      writeFileSync(join(ws.dir, 'CHANGES.txt'), `work after ${v}.0.0\n`);
      ws.git(['add', 'CHANGES.txt']);
      ws.git(['commit', '-q', '-m', `work after ${v}.0.0`]);
    }
    expect(readFileSync(join(ws.dir, 'Cargo.toml'), 'utf8')).toContain('version = "6.0.0"');
  });

  it('the literal `nx release-patch --target=4.x` patches only release-4.0.0, from main, touching nothing else', async () => {
    writeFileSync(join(ws.dir, 'scratch.txt'), 'work in progress on main\n');
    const before = repoState(ws);
    const release4 = ws.git(['rev-parse', 'release-4.0.0']);
    const out = await ok(ws, ['release-patch', '--target=4.x', '--date=2026-12-01']);
    expect(out).toContain('patch release-4.0.0');
    expect(out).toContain('4.0.0 -> 4.0.1');
    const after = repoState(ws);
    expect(after.files).toEqual(before.files);
    expect(after.status).toBe(before.status);
    expect(after.head).toBe(before.head);
    const changedRefs = after.refs.split('\n').filter((r) => !before.refs.split('\n').includes(r));
    expect(changedRefs.map((r) => r.split(' ')[0])).toEqual(['refs/heads/release-4.0.0']);
    expect(ws.git(['rev-parse', 'release-4.0.0^'])).toBe(release4);
    expect(ws.git(['log', '-1', '--format=%B', 'release-4.0.0'])).toBe('Release Wasmtime 4.0.1\n\n[automatically-tag-and-release-this-commit]');
    expect(ws.git(['show', 'release-4.0.0:Cargo.toml'])).toContain('version = "4.0.1"');
    expect(ws.git(['show', 'release-4.0.0:crates/c-api/include/wasmtime.h'])).toContain('#define WASMTIME_VERSION_PATCH 1');
    expect(ws.git(['show', 'release-4.0.0:cranelift/entity/Cargo.toml'])).toContain('version = "0.91.1"');
    expect(ws.git(['worktree', 'list']).split('\n')).toHaveLength(1);
  });

  it('refuses an unsupported line, listing the supported ones; --force overrides', async () => {
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=3.x']);
    expect(out).toContain('3.x is not supported; supported lines: 5.x (release-5.0.0), 4.x (release-4.0.0)');
    expect(out).toContain('--force');
    expect(repoState(ws)).toEqual(before);
    expect(await ok(ws, ['release-patch', '--target=3.x', '--force', '--dry-run'])).toContain('3.0.0 -> 3.0.1');
    expect(repoState(ws)).toEqual(before);
  });

  it('refuses an unknown line, listing the lines, and input that is not a line name', async () => {
    const before = repoState(ws);
    expect(await refused(ws, ['release-patch', '--target=9.x'])).toContain(
      'there is no 9.x release line; existing lines: 5.x (release-5.0.0), 4.x (release-4.0.0), 3.x (release-3.0.0)',
    );
    expect(await refused(ws, ['release-patch', '--target=4.x;rm -rf ~'])).toContain('is not a release line');
    expect(await refused(ws, ['release-patch'])).toContain('no --target given and "main" is not a release branch');
    expect(repoState(ws)).toEqual(before);
  });

  it('--dry-run prints the diff and changes nothing', async () => {
    const before = repoState(ws);
    const out = await ok(ws, ['release-patch', '--target=release-5.0.0', '--dry-run']);
    expect(out).toContain('+version = "5.0.1"');
    expect(repoState(ws)).toEqual(before);
    // A bare number arrives as a number from Nx's parser.
    expect(await ok(ws, ['release-patch', '--line=5', '--dry-run'])).toContain('patch release-5.0.0');
    expect(repoState(ws)).toEqual(before);
  });

  it('--target=supported patches 4 and 5 together; --push without a GitHub token changes and pushes nothing', async () => {
    const remote = makeWorkspace({});
    cleanups.push(remote.cleanup);
    remote.git(['init', '-q', '--bare', '.']);
    ws.git(['remote', 'add', 'origin', remote.dir]);
    const before = repoState(ws);
    const noToken = await refused(ws, ['release-patch', '--target=supported', '--push', '--date=2026-12-02'], { GITHUB_TOKEN: '' });
    expect(noToken).toMatch(/--push .*needs a GitHub token in GITHUB_TOKEN; nothing was changed/);
    expect(repoState(ws)).toEqual(before);
    // Pushing review branches and opening pull requests: e2e/commands/train-push.test.ts, e2e/campaigns/train-loop.e2e.ts.
    // A fix lands on release-4.0.0 after 4.0.1 (a tip that is still the 4.0.1 release commit is finished, not bumped).
    const current = ws.git(['branch', '--show-current']);
    ws.git(['switch', '-q', 'release-4.0.0']);
    writeFileSync(join(ws.dir, 'FIX4.txt'), 'a fix after 4.0.1\n');
    ws.git(['add', 'FIX4.txt']);
    ws.git(['commit', '-q', '-m', 'fix after 4.0.1']);
    ws.git(['switch', '-q', current]);
    const out = await ok(ws, ['release-patch', '--target=supported', '--date=2026-12-02']);
    expect(out).toMatch(/release-5\.0\.0\s+5\.0\.0 -> 5\.0\.1/);
    expect(out).toMatch(/release-4\.0\.0\s+4\.0\.1 -> 4\.0\.2/);
    expect(ws.git(['show', 'release-5.0.0:Cargo.toml'])).toContain('version = "5.0.1"');
    expect(ws.git(['show', 'release-4.0.0:Cargo.toml'])).toContain('version = "4.0.2"');
    expect(ws.git(['show', 'release-3.0.0:Cargo.toml'])).toContain('version = "3.0.0"');
    expect(remote.git(['for-each-ref', '--format=%(refname)'])).toBe('');
  });

  it('a failing line stops every line: no branch moves and nothing is pushed', async () => {
    // Break release-4.0.0: a requirement that no longer matches its version.
    const tip = ws.git(['rev-parse', 'release-4.0.0']);
    ws.git(['switch', '-q', 'release-4.0.0']);
    const file = join(ws.dir, 'Cargo.toml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(wasmtime-environ = \{[^\n]*version = ")=4\.0\.2/, '$1=4.0.0'));
    ws.git(['commit', '-qam', 'stale requirement']);
    ws.git(['switch', '-q', 'main']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-patch', '--target=supported']);
    expect(out).toMatch(/release-4\.0\.0\s+-\s+-\s+FAILED/);
    expect(out).toContain('1 of 2 release lines could not be patched; no branch was changed and nothing was pushed');
    expect(repoState(ws)).toEqual(before);
    expect(ws.git(['rev-parse', 'release-4.0.0^'])).toBe(tip);
  });

  it('without a target, on a release branch, patches that branch', async () => {
    rmSync(join(ws.dir, 'scratch.txt'));
    ws.git(['switch', '-q', 'release-5.0.0']);
    // A fix lands after 5.0.1 (a tip that is still the 5.0.1 release commit is finished, not bumped).
    writeFileSync(join(ws.dir, 'FIX.txt'), 'a fix after 5.0.1\n');
    ws.git(['add', 'FIX.txt']);
    ws.git(['commit', '-q', '-m', 'fix after 5.0.1']);
    const out = await ok(ws, ['release-patch', '--date=2026-12-03']);
    expect(out).toContain('5.0.1 -> 5.0.2');
    expect(readFileSync(join(ws.dir, 'Cargo.toml'), 'utf8')).toContain('version = "5.0.2"');
    expect(ws.git(['status', '--porcelain'])).toBe('');
    ws.git(['switch', '-q', 'main']);
  });
});

describe('a post-version command runs in a temporary worktree', () => {
  it('joins its changes to the patch commit and leaves no worktree behind', async () => {
    const options = { ...wasmtimePreset, postVersionCommand: [process.execPath, '-e', "require('fs').writeFileSync('supply-chain.txt', 'audited\\n')"] };
    const ws = exampleRepo(options);
    cleanups.push(ws.cleanup);
    ws.git(['branch', 'release-5.0.0']);
    await ok(ws, ['release-patch', '--target=5.x', '--date=2026-12-04']);
    expect(ws.git(['show', 'release-5.0.0:supply-chain.txt'])).toBe('audited');
    expect(ws.git(['show', 'release-5.0.0:Cargo.toml'])).toContain('version = "5.0.1"');
    expect(existsSync(join(ws.dir, 'supply-chain.txt'))).toBe(false);
    expect(ws.git(['worktree', 'list']).split('\n')).toHaveLength(1);
  });
});

describe('golden: patch-46.0.1', () => {
  it('release-46.0.0 ends byte-identical to after/tree', async () => {
    const ws = makeWorkspace({ from: join(fixturesRoot, 'patch-46.0.1/before/tree'), options: wasmtimePreset, git: true });
    cleanups.push(ws.cleanup);
    ws.git(['branch', 'release-46.0.0']);
    const date = /^date (\S+)/m.exec(readFileSync(join(fixturesRoot, 'patch-46.0.1/after/SOURCE'), 'utf8'))![1];
    const out = await ok(ws, ['release-patch', '--target=46.x', `--date=${date}`]);
    expect(out).toContain('46.0.0 -> 46.0.1');
    expect(treeMismatches(ws, 'release-46.0.0', join(fixturesRoot, 'patch-46.0.1/after/tree'))).toEqual([]);
    expect(ws.git(['diff', '--name-only', 'main', 'release-46.0.0']).split('\n')).toHaveLength(23);
  });
});
