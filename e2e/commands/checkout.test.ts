/**
 * A checked-out release branch stays whole, and candidates build on what was merged: the
 * commands in-process against real git and the local GitHub API, on the example moved to
 * today's train (main at 5.0.0-dev), cut once per file (release-5.0.0 at 5.0.0-rc.1) and
 * copied per test.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { cachedRepo, copyOf } from '../support/fixtures';
import { gitHubFor, GH_TOKEN, REPOSITORY, type Cleanups } from '../support/origin';
import { rewrite } from '../support/rc';
import { repoState } from '../support/state';
import { ok, refused } from '../support/train-cli';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

const cleanups: Cleanups = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The example with main at 5.0.0-dev (its 0.92 line at 0.92.0-dev), committed. */
function devExample(): TempWorkspace {
  return cachedRepo('example at 5.0.0-dev', () => {
    const ws = makeWorkspace({ from: exampleRoot, options: wasmtimePreset });
    rewrite(ws.dir, (t) => t.replace(/"(=?)(5\.0\.0|0\.92\.0)"/g, '"$1$2-dev"'));
    ws.git(['init', '-q', '-b', 'main']);
    ws.git(['add', '-A']);
    ws.git(['commit', '-q', '-m', 'main at 5.0.0-dev']);
    return ws;
  });
}

let cut: TempWorkspace;
beforeAll(async () => {
  cut = devExample();
  cleanups.push(cut.cleanup);
  await ok(cut, ['release-major', '--date=2026-09-05']);
});

/** A copy of the cut: main at 6.0.0-dev, release-5.0.0 at 5.0.0-rc.1. */
function copy(): TempWorkspace {
  const ws = copyOf(cut.dir);
  cleanups.push(ws.cleanup);
  return ws;
}

const show = (ws: TempWorkspace, rev: string, file: string) => ws.git(['show', `${rev}:${file}`]);

describe('the release branch checked out', () => {
  it('edits in the way are refused before any ref moves; an unrelated file stays and the tree follows', async () => {
    const ws = copy();
    ws.git(['switch', '-q', 'release-5.0.0']);
    appendFileSync(join(ws.dir, 'Cargo.toml'), '\n# a local edit\n');
    for (const args of [['release-rc'], ['release-latest', '--date=2026-09-20']]) {
      const before = repoState(ws);
      const out = await refused(ws, args);
      expect(out).toContain('release-5.0.0 is checked out and has uncommitted changes to files the release changes (Cargo.toml); nothing was changed');
      expect(out).toContain('fix: commit or stash them');
      expect(repoState(ws)).toEqual(before);
    }
    ws.git(['checkout', '--', 'Cargo.toml']);
    writeFileSync(join(ws.dir, 'notes.txt'), 'mine\n');
    expect(await ok(ws, ['release-rc'])).toContain('working tree updated');
    expect(ws.git(['status', '--porcelain'])).toBe('?? notes.txt');
    expect(readFileSync(join(ws.dir, 'Cargo.toml'), 'utf8')).toContain('version = "5.0.0-rc.2"');
  });

  it('a kill after the ref moved and before the tree followed is finished by the rerun, not bumped again', async () => {
    const ws = copy();
    ws.git(['switch', '-q', 'release-5.0.0']);
    for (const args of [['release-rc'], ['release-latest', '--date=2026-09-20']]) {
      await ok(ws, args);
      const moved = ws.git(['rev-parse', 'HEAD']);
      // The state such a kill leaves: the branch moved, index and files still at its old commit.
      ws.git(['read-tree', '--reset', '-u', 'release-5.0.0@{1}']);
      expect(ws.git(['status', '--porcelain'])).not.toBe('');
      const rerun = await ok(ws, args);
      expect(rerun).toContain(
        `but its working tree stayed at ${ws.git(['rev-parse', '--short=12', 'release-5.0.0@{1}'])} (an interrupted run): brought the working tree to`,
      );
      expect(ws.git(['rev-parse', 'HEAD'])).toBe(moved);
      expect(ws.git(['status', '--porcelain'])).toBe('');
    }
    expect(ws.git(['log', '-1', '--format=%s', 'HEAD^'])).toBe('Release Wasmtime 5.0.0-rc.2');
  });
});

describe('release-rc builds on the remote release branch', () => {
  it('a rerun in the clone that proposed rc.2 proposes rc.2 again, never rc.3; a rejected rc.2 stops it', async () => {
    const ws = copy();
    const remote = makeWorkspace({});
    cleanups.push(remote.cleanup);
    remote.git(['init', '-q', '--bare', '.']);
    ws.git(['remote', 'add', 'origin', remote.dir]);
    ws.git(['push', '-q', 'origin', 'main', 'release-5.0.0']);
    const { api, env } = await gitHubFor(remote, cleanups);
    await ok(ws, ['release-rc', '--push'], env);
    const proposed = remote.git(['rev-parse', 'refs/heads/ci/rc-5.0.0-rc.2']);

    const rerun = await ok(ws, ['release-rc', '--push'], env);
    expect(rerun).toContain('release-5.0.0 has a release commit of the train that origin/release-5.0.0 lacks');
    expect(rerun).toContain('summary: release-5.0.0 5.0.0-rc.1 -> 5.0.0-rc.2');
    expect(rerun).toContain('ci/rc-5.0.0-rc.2 -> release-5.0.0: branch unchanged; pull request #1');
    expect(ws.git(['rev-parse', 'release-5.0.0'])).toBe(proposed);

    const [owner, repo] = REPOSITORY.split('/');
    await new Octokit({ auth: GH_TOKEN, baseUrl: api.url }).rest.pulls.update({ owner, repo, pull_number: 1, state: 'closed' });
    const refs = remote.git(['for-each-ref', '--format=%(refname) %(objectname)']);
    expect(await refused(ws, ['release-rc', '--push'], env)).toContain('pull request #1 (ci/rc-5.0.0-rc.2 -> release-5.0.0');
    expect(remote.git(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(refs);
    expect(refs).not.toContain('rc.3');
  });

  it('with the first candidate still in review (origin at the cut point), rc.1 is proposed again, not rc.2 on top', async () => {
    const ws = copy();
    const remote = makeWorkspace({});
    cleanups.push(remote.cleanup);
    remote.git(['init', '-q', '--bare', '.']);
    ws.git(['remote', 'add', 'origin', remote.dir]);
    ws.git(['push', '-q', 'origin', 'main', 'release-5.0.0^:refs/heads/release-5.0.0']);
    ws.git(['fetch', '-q', 'origin']);
    const { env } = await gitHubFor(remote, cleanups);
    const out = await ok(ws, ['release-rc', '--push'], env);
    expect(out).toContain('summary: release-5.0.0 5.0.0-dev -> 5.0.0-rc.1');
    expect(out).not.toContain('rc.2');
    expect(remote.git(['log', '-1', '--format=%s', 'refs/heads/ci/rc-5.0.0-rc.1'])).toBe('Release Wasmtime 5.0.0-rc.1');
  });
});

describe('two lines in candidates', () => {
  it('release-latest --target=5.x releases the older line; --target=supported skips the line still in candidates', async () => {
    const ws = copy();
    // A month of work on main, then the next cut.
    writeFileSync(join(ws.dir, 'CHANGES.txt'), 'work after the 5 cut\n');
    ws.git(['add', 'CHANGES.txt']);
    ws.git(['commit', '-q', '-m', 'work after the 5 cut']);
    await ok(ws, ['release-major', '--date=2026-10-05']);
    const out = await ok(ws, ['release-latest', '--target=5.x', '--date=2026-10-06']);
    expect(out).toContain('release 5.0.0 (from 5.0.0-rc.1) on release-5.0.0');
    expect(show(ws, 'release-6.0.0', 'Cargo.toml')).toContain('version = "6.0.0-rc.1"');
    const patch = await ok(ws, ['release-patch', '--target=supported', '--date=2026-10-07']);
    expect(patch).toContain('skipping release-6.0.0: it is at 6.0.0-rc.1, not released yet (its release day is nx release-latest)');
    expect(patch).toMatch(/release-5\.0\.0\s+5\.0\.0 -> 5\.0\.1/);
    expect(patch).not.toMatch(/FAILED|a patch comes after release day/);
    expect(show(ws, 'release-5.0.0', 'Cargo.toml')).toContain('version = "5.0.1"');
    // A flag Nx swallows that the command does not take is refused, not lost.
    const before = repoState(ws);
    expect(await refused(ws, ['release-major', '--target=5.x'])).toContain(
      'release-major: unknown flag --target=5.x; it takes --dry-run, --diff-file, --date, --push, --bump, --allow-dirty',
    );
    expect(repoState(ws)).toEqual(before);
  });
});
