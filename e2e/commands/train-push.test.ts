/**
 * `--push` at its edges, each step's command in-process in a fresh clone, with real git,
 * Octokit and the local GitHub API: no
 * token (refused before anything moves), a token in another variable, a rerun that updates
 * its pull request in place, a pull request closed by hand (reported, not reopened, nothing
 * pushed), and `--target=supported --push` with one failing line (nothing pushed at all).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, git, MAINTAINER_TOKEN, startTrain, type Train } from '../support/train';

describe('--push with the token in RELEASE_TOKEN (the githubTokenEnv setting)', () => {
  let train: Train;
  // GITHUB_TOKEN holds something else: only the named variable counts.
  const env = { GITHUB_TOKEN: MAINTAINER_TOKEN, RELEASE_TOKEN: BOT_TOKEN };
  beforeAll(async () => {
    train = await startTrain({ githubTokenEnv: 'RELEASE_TOKEN', githubRepository: 'bytecodealliance/wasmtime' });
  });
  afterAll(async () => train?.cleanup());

  it('without the token, refuses before any ref moves or any push, and says how to fix it', async () => {
    const before = train.refs();
    const dir = train.clone();
    const local = git(dir, ['for-each-ref', '--format=%(refname) %(objectname)']);
    const r = await train.stepInProcess(['release-major', '--push'], { dir, env: { ...env, RELEASE_TOKEN: '' } });
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/--push .*needs a GitHub token in RELEASE_TOKEN/);
    // Since the seam (2da1c36) the message says "nothing was changed"; the refs, pulls and requests below prove nothing was pushed.
    expect(r.out).toMatch(/; nothing was changed( or pushed)?\n/);
    expect(r.out).toContain('fix: export RELEASE_TOKEN');
    expect(train.refs()).toBe(before);
    expect(git(dir, ['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(local);
    expect(train.pulls()).toEqual([]);
    expect(train.api.state.requests).toEqual([]);
  });

  it('a rerun updates the pull request in place; one closed by hand is reported, not reopened, and nothing is pushed', async () => {
    const first = await train.stepInProcess(['release-major', '--push'], { env });
    expect(first.status, first.out).toBe(0);
    expect(train.pulls()).toHaveLength(1);
    expect(train.pulls()[0].body).toContain('run by @octocat');
    expect(git(train.origin, ['rev-parse', 'ci/bump-to-6.0.0'])).toBe(git(first.dir, ['rev-parse', 'main']));

    // Another actor, and the repository from the setting (GITHUB_REPOSITORY unset, the remote a path).
    const refs = train.refs();
    const rerun = await train.stepInProcess(['release-major', '--push'], { env: { ...env, GITHUB_ACTOR: 'hubot', GITHUB_REPOSITORY: '' } });
    expect(rerun.status, rerun.out).toBe(0);
    expect(rerun.out).toContain('branch unchanged; pull request #1 updated');
    expect(train.pulls()).toHaveLength(1);
    expect(train.pulls()[0].body).toContain('run by @hubot');
    expect(train.refs()).toBe(refs);

    const [owner, repo] = ['bytecodealliance', 'wasmtime'];
    await train.maintainer.rest.pulls.update({ owner, repo, pull_number: 1, state: 'closed' });
    const closed = await train.stepInProcess(['release-major', '--push'], { env });
    expect(closed.status).not.toBe(0);
    expect(closed.out).toMatch(
      /pull request #1 \(ci\/bump-to-6\.0\.0 -> main, \S+\) was closed without merging; it is not reopened behind your back, and nothing was pushed/,
    );
    expect(closed.out).toContain('fix: if it was closed by mistake, reopen it on GitHub and run again');
    expect(train.refs()).toBe(refs);
    expect(train.pulls().map((p) => p.state)).toEqual(['closed']);
    expect(train.leaks).toEqual([]);
  });
});

describe('--target=supported --push with one line failing', () => {
  let train: Train;
  beforeAll(async () => {
    // Unprotected: the test itself pushes the two release lines it needs.
    train = await startTrain({}, false);
  });
  afterAll(async () => train?.cleanup());

  it('pushes nothing and opens no pull request', async () => {
    // Two release lines on origin (two cuts, merged), release-5.0.0 with a stale requirement.
    const dir = train.clone();
    for (let cut = 0; cut < 2; cut++) {
      const r = await train.stepInProcess(['release-major'], { dir });
      expect(r.status, r.out).toBe(0);
      // A month of work lands between two cuts.
      writeFileSync(join(dir, 'CHANGES.txt'), `work after cut ${cut}\n`);
      git(dir, ['add', 'CHANGES.txt']);
      git(dir, ['commit', '-qm', `work after cut ${cut}`]);
    }
    git(dir, ['switch', '-q', 'release-5.0.0']);
    const manifest = join(dir, 'Cargo.toml');
    const text = readFileSync(manifest, 'utf8');
    const broken = text.replace(/(wasmtime-environ = \{[^\n]*version = ")=5\.0\.0/, '$1=4.0.0');
    expect(broken).not.toBe(text);
    writeFileSync(manifest, broken);
    git(dir, ['commit', '-qam', 'stale requirement']);
    git(dir, ['push', '-q', 'origin', 'main', 'release-5.0.0', 'release-6.0.0']);

    const before = train.refs();
    const r = await train.stepInProcess(['release-patch', '--target=supported', '--push']);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/release-5\.0\.0\s+-\s+-\s+FAILED/);
    expect(r.out).toMatch(/release-6\.0\.0\s+6\.0\.0 -> 6\.0\.1/);
    expect(r.out).toContain('1 of 2 release lines could not be patched; no branch was changed and nothing was pushed');
    expect(train.refs()).toBe(before);
    expect(train.pulls()).toEqual([]);
  });
});
