/**
 * Released once, whatever way GitHub merged it: `release-patch --target=supported --push`
 * rerun after its pull request was merged with a merge commit or squashed (the local GitHub
 * API merges into the bare origin as GitHub does), a review branch a maintainer pushed to, a
 * checked-out release branch behind origin, and clones that cannot see what was merged (main behind origin, a shallow CI checkout).
 * The commands in-process on the example (release-5.0.0 at 5.0.0), real git.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { exampleRepo } from '../support/fixtures';
import { gitHubFor, GH_TOKEN, landOnOrigin, REPOSITORY, withOrigin, type Cleanups } from '../support/origin';
import { repoState } from '../support/state';
import { ok, refused } from '../support/train-cli';
import { gitEnv, makeWorkspace, workspaceAt, type TempWorkspace } from '../support/workspace';

const cleanups: Cleanups = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The example with release-5.0.0, on a bare origin with the local GitHub API in front. */
async function released(): Promise<{
  ws: TempWorkspace;
  remote: TempWorkspace;
  env: Record<string, string>;
  merge: (n: number, how: 'merge' | 'squash') => Promise<void>;
}> {
  const ws = exampleRepo(wasmtimePreset);
  cleanups.push(ws.cleanup);
  ws.git(['branch', 'release-5.0.0']);
  const remote = withOrigin(ws, cleanups);
  const { api, env } = await gitHubFor(remote, cleanups);
  const [owner, repo] = REPOSITORY.split('/');
  const octokit = new Octokit({ auth: GH_TOKEN, baseUrl: api.url });
  const merge = async (pull_number: number, merge_method: 'merge' | 'squash') => {
    await octokit.rest.pulls.merge({ owner, repo, pull_number, merge_method });
    ws.git(['fetch', '-q', 'origin']);
  };
  return { ws, remote, env, merge };
}

/** A clone of `remote` made with `args` (e.g. a shallow one); main checked out by default. */
function cloneOf(remote: TempWorkspace, args: string[] = ['-b', 'main']): TempWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-clone-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('git', ['clone', '-q', ...args, `file://${remote.dir}`, dir], { env: gitEnv() });
  return workspaceAt(dir);
}

const remoteRefs = (remote: TempWorkspace) => remote.git(['for-each-ref', '--format=%(refname) %(objectname)']);

describe('a patch pull request merged as GitHub merges it', () => {
  it('after a merge commit and after a squash, the rerun finds the release and proposes nothing new', async () => {
    const { ws, remote, env, merge } = await released();
    const push = (date: string) => ['release-patch', '--target=supported', '--push', `--date=${date}`];
    await ok(ws, push('2026-12-01'), env);
    await merge(1, 'merge');
    let refs = remoteRefs(remote);
    const afterMerge = await ok(ws, push('2026-12-02'), env);
    expect(afterMerge).toContain('nothing to do on release-5.0.0: 5.0.1 is released');
    expect(afterMerge).toContain(', a merge of it is on origin/release-5.0.0');
    expect(afterMerge).not.toContain('5.0.2');
    expect(remoteRefs(remote)).toBe(refs);

    // A fix lands; 5.0.2 is proposed, and squashed.
    landOnOrigin(remote, 'FIX.txt', 'a fix\n', cleanups);
    ws.git(['fetch', '-q', 'origin']);
    expect(await ok(ws, push('2026-12-03'), env)).toMatch(/release-5\.0\.0\s+5\.0\.1 -> 5\.0\.2/);
    await merge(2, 'squash');
    refs = remoteRefs(remote);
    const afterSquash = await ok(ws, push('2026-12-04'), env);
    expect(afterSquash).toContain('nothing to do on release-5.0.0: 5.0.2 is released');
    expect(afterSquash).toContain(', squashed is on origin/release-5.0.0');
    expect(afterSquash).not.toContain('5.0.3');
    // In a fresh clone too, as CI runs it.
    expect(await ok(cloneOf(remote), push('2026-12-04'), env)).toContain('nothing to do on release-5.0.0: 5.0.2 is released');
    expect(remoteRefs(remote)).toBe(refs);
  });

  it('a commit a maintainer pushed onto the review branch is never discarded by a rerun', async () => {
    const { ws, remote, env } = await released();
    const push = ['release-patch', '--target=5.x', '--push', '--date=2026-12-01'];
    await ok(ws, push, env);
    const other = cloneOf(remote, ['-b', 'ci/release-5.0.1']);
    writeFileSync(join(other.dir, 'NOTES.txt'), 'a note for the release\n');
    other.git(['add', 'NOTES.txt']);
    other.git(['commit', '-q', '-m', 'Add a note']);
    other.git(['push', '-q', 'origin', 'ci/release-5.0.1']);
    const refs = remoteRefs(remote);
    const out = await refused(ws, push, env);
    expect(out).toMatch(
      /origin\/ci\/release-5\.0\.1 holds a commit the train did not make \(\w+ "Add a note" \(Release Bot\)\); a rerun does not discard them, and nothing was pushed/,
    );
    expect(out).toContain('fix: merge the pull request as it is');
    expect(remoteRefs(remote)).toBe(refs);
  });
});

describe('a checked-out release branch behind origin', () => {
  it('refuses an edit in the way; then gets the fix it lacked in its files too, never a staged revert of it', async () => {
    const { ws, remote } = await released();
    landOnOrigin(remote, 'FIX.txt', 'the security fix\n', cleanups);
    ws.git(['fetch', '-q', 'origin']);
    ws.git(['switch', '-q', 'release-5.0.0']);
    // An edit in the way stops it before any ref moves.
    appendFileSync(join(ws.dir, 'Cargo.toml'), '\n# a local edit\n');
    const dirty = repoState(ws);
    expect(await refused(ws, ['release-patch', '--date=2026-12-01'])).toContain(
      'release-5.0.0 is checked out and has uncommitted changes to files the release changes (Cargo.toml)',
    );
    expect(repoState(ws)).toEqual(dirty);
    ws.git(['checkout', '--', 'Cargo.toml']);
    expect(await ok(ws, ['release-patch', '--date=2026-12-01'])).toContain('5.0.0 -> 5.0.1');
    expect(ws.git(['rev-parse', 'HEAD^'])).toBe(ws.git(['rev-parse', 'origin/release-5.0.0']));
    expect(ws.git(['status', '--porcelain'])).toBe('');
    expect(readFileSync(join(ws.dir, 'FIX.txt'), 'utf8')).toBe('the security fix\n');
  });
});

describe('clones that cannot see what was merged', () => {
  it('release-major from a main behind origin/main is refused with the fix', async () => {
    const ws = exampleRepo(wasmtimePreset);
    cleanups.push(ws.cleanup);
    const remote = makeWorkspace({});
    cleanups.push(remote.cleanup);
    remote.git(['init', '-q', '--bare', '.']);
    ws.git(['remote', 'add', 'origin', remote.dir]);
    ws.git(['push', '-q', 'origin', 'main']);
    const other = cloneOf(remote);
    writeFileSync(join(other.dir, 'MERGED.txt'), 'merged on GitHub\n');
    other.git(['add', 'MERGED.txt']);
    other.git(['commit', '-q', '-m', 'merged work']);
    other.git(['push', '-q', 'origin', 'main']);
    ws.git(['fetch', '-q', 'origin']);
    const before = repoState(ws);
    const out = await refused(ws, ['release-major']);
    expect(out).toMatch(/main \(\w{12}\) is behind origin\/main \(\w{12}\): the cut would leave out what was merged there; nothing was changed/);
    expect(out).toContain('fix: bring main up to date (git pull --ff-only origin main)');
    expect(repoState(ws)).toEqual(before);
  });

  it('a shallow single-branch clone is named as such, with the fetch that fixes it', async () => {
    const { remote } = await released();
    const shallow = cloneOf(remote, ['--depth=1', '--single-branch', '-b', 'main']);
    for (const args of [['release-patch', '--target=5.x'], ['release-latest']]) {
      const out = await refused(shallow, args);
      expect(out).toContain('no release branch (release-{version}) is known here: this clone is shallow and fetches only main from origin');
      expect(out).toContain("fix: fetch them: git fetch --unshallow origin '+refs/heads/release-*:refs/remotes/origin/release-*'");
    }
  });
});
