/**
 * Lockstep versioning, the commands in-process against real git: golden trees from Wasmtime's own
 * history, the cut -> release day -> tag flow on the example, dry runs that change nothing,
 * reruns, and refusals that leave everything as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { repoState, treeMismatches } from '../support/state';
import { cachedRepo } from '../support/fixtures';
import { ok, refused } from '../support/train-cli';
import { exampleRoot, fixturesRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((c) => c()));

function repo(from: string): TempWorkspace {
  const ws = cachedRepo(`preset ${from}`, () => makeWorkspace({ from, options: wasmtimePreset, git: true }));
  cleanups.push(ws.cleanup);
  return ws;
}

function sourceDate(caseName: string): string {
  return /^date (\S+)/m.exec(readFileSync(join(fixturesRoot, caseName, 'after/SOURCE'), 'utf8'))![1];
}

describe('golden: Wasmtime history reproduced byte for byte', () => {
  it('cut-45: release-45.0.0 at the old HEAD, main equal to after/tree', async () => {
    const ws = repo(join(fixturesRoot, 'cut-45/before/tree'));
    const before = ws.git(['rev-parse', 'HEAD']);
    const out = await ok(ws, ['release-major', `--date=${sourceDate('cut-45')}`]);
    expect(out).toContain('summary: 45.0.0 -> 46.0.0; 24 files');
    expect(treeMismatches(ws, 'main', join(fixturesRoot, 'cut-45/after/tree'))).toEqual([]);
    expect(ws.git(['rev-parse', 'release-45.0.0'])).toBe(before);
    expect(ws.git(['log', '-1', '--format=%s', 'main'])).toBe('Bump Wasmtime to 46.0.0');
    expect(ws.git(['diff', '--name-only', 'release-45.0.0', 'main']).split('\n')).toHaveLength(24);
    // The working tree followed main and is clean.
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(ws.dir, 'crates/c-api/include/wasmtime.h'), 'utf8')).toContain('#define WASMTIME_VERSION "46.0.0"');
  });

  it('release-46.0.0: release-latest dates the branch without checking it out', async () => {
    const ws = repo(join(fixturesRoot, 'release-46.0.0/before/tree'));
    ws.git(['branch', 'release-46.0.0']);
    ws.git(['branch', 'release-45.0.0']);
    const out = await ok(ws, ['release-latest', `--date=${sourceDate('release-46.0.0')}`]);
    expect(out).toContain('Release Wasmtime 46.0.0');
    expect(treeMismatches(ws, 'release-46.0.0', join(fixturesRoot, 'release-46.0.0/after/tree'))).toEqual([]);
    expect(ws.git(['log', '-1', '--format=%B', 'release-46.0.0'])).toBe('Release Wasmtime 46.0.0\n\n[automatically-tag-and-release-this-commit]');
    expect(ws.git(['rev-parse', 'release-45.0.0'])).toBe(ws.git(['rev-parse', 'main']));
    expect(ws.git(['status', '--porcelain'])).toBe('');
    // A rerun finds the section dated and commits nothing.
    const head = ws.git(['rev-parse', 'release-46.0.0']);
    expect(await ok(ws, ['release-latest', '--date=2026-06-23'])).toContain('nothing to do');
    expect(ws.git(['rev-parse', 'release-46.0.0'])).toBe(head);
  });
});

describe('the monthly cut on the bundled example', () => {
  it('release-major, then release-latest and release-tag on the new branch', async () => {
    const ws = repo(exampleRoot);
    const initial = ws.git(['rev-parse', 'HEAD']);
    const cutOut = await ok(ws, ['release-major']);
    expect(cutOut).toMatch(/line workspace: 5\.0\.0 -> 6\.0\.0/);
    expect(cutOut).toMatch(/line 0\.92: 0\.92\.0 -> 0\.93\.0/);
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(initial);
    const toml = readFileSync(join(ws.dir, 'Cargo.toml'), 'utf8');
    expect(toml).toContain('version = "6.0.0"');
    expect(toml).not.toContain('5.0.0');
    expect(readFileSync(join(ws.dir, 'RELEASES.md'), 'utf8')).toMatch(/^## 6\.0\.0\n\nUnreleased\.\n/);
    expect(readFileSync(join(ws.dir, 'RELEASES.md'), 'utf8')).toContain('release-5.0.0/RELEASES.md');

    // Tagging on main is not a release: it says why and succeeds.
    expect(await ok(ws, ['release-tag'])).toContain('no tag: "main" is not a release branch');

    const relOut = await ok(ws, ['release-latest', '--date=2026-12-20']);
    expect(relOut).toContain('Release Wasmtime 5.0.0');
    expect(ws.git(['show', 'release-5.0.0:RELEASES.md'])).toMatch(/^## 5\.0\.0\n\nReleased 2026-12-20\./);
    ws.git(['switch', '-q', 'release-5.0.0']);
    expect(await ok(ws, ['release-tag'])).toContain('as v5.0.0');
    expect(ws.git(['rev-parse', 'v5.0.0^{commit}'])).toBe(ws.git(['rev-parse', 'release-5.0.0']));
    // Rerun: the tag is already there.
    expect(await ok(ws, ['release-tag'])).toContain('already points at');
  });

  it('--dry-run leaves files, git status and every ref exactly as they were', async () => {
    const ws = repo(exampleRoot);
    writeFileSync(join(ws.dir, 'notes.txt'), 'untracked work in progress\n');
    const before = repoState(ws);
    const out = await ok(ws, ['release-major', '--dry-run', '--allow-dirty']);
    expect(out).toContain('[dry run] cut release-5.0.0');
    expect(out).toContain('diff --git a/Cargo.toml b/Cargo.toml');
    expect(repoState(ws)).toEqual(before);
    ws.git(['branch', 'release-5.0.0']);
    const withBranch = repoState(ws);
    expect(await ok(ws, ['release-latest', '--dry-run'])).toContain('+Released');
    expect(repoState(ws)).toEqual(withBranch);
  });

  it('a rerun after the refs moved but the working tree did not finishes the job', async () => {
    const ws = repo(exampleRoot);
    await ok(ws, ['release-major']);
    // The state a kill between the ref transaction and the working-tree update leaves.
    ws.git(['read-tree', '--reset', '-u', 'HEAD^']);
    expect(ws.git(['status', '--porcelain'])).not.toBe('');
    expect(await ok(ws, ['release-major'])).toContain('finished an interrupted cut');
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(await ok(ws, ['release-major'])).toContain('nothing to do: 5.0.0 was already cut');
  });
});

describe('refusals change nothing', () => {
  it('a dirty tree, naming the files and the fix', async () => {
    const ws = repo(exampleRoot);
    writeFileSync(join(ws.dir, 'README.md'), 'edited\n');
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toContain('uncommitted changes: README.md');
    expect(out).toContain('--allow-dirty');
    expect(repoState(ws)).toEqual(before);
  });

  it('not on main, and a release branch that already exists on the remote', async () => {
    const ws = repo(exampleRoot);
    ws.git(['switch', '-q', '-c', 'feature']);
    expect(await refused(ws, ['release-major'])).toContain('"feature" is checked out');
    ws.git(['switch', '-q', 'main']);
    ws.git(['update-ref', 'refs/remotes/origin/release-5.0.0', 'HEAD']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toContain('branch release-5.0.0 already exists on origin');
    expect(repoState(ws)).toEqual(before);
  });

  it('a requirement that does not match the current version, naming file and line', async () => {
    const ws = repo(exampleRoot);
    const file = join(ws.dir, 'Cargo.toml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(wasmtime-environ = \{[^\n]*version = ")=5\.0\.0/, '$1=4.9.0'));
    ws.git(['commit', '-qam', 'stale requirement']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toMatch(/Cargo\.toml:\d+: .*=4\.9\.0/);
    expect(repoState(ws)).toEqual(before);
  });

  it('malformed options and dates', async () => {
    const ws = repo(exampleRoot);
    expect(await refused(ws, ['release-latest', '--date=2026-02-30'])).toContain('not a calendar date');
    const nxJson = join(ws.dir, 'nx.json');
    const config = JSON.parse(readFileSync(nxJson, 'utf8'));
    config.plugins[0].options.supportedLines = 'two';
    writeFileSync(nxJson, JSON.stringify(config));
    ws.git(['commit', '-qam', 'bad options']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toContain('supportedLines');
    expect(repoState(ws)).toEqual(before);
  });
});
