import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from './index';
import { type Octokit, TOKEN, client, failure } from './spec-helpers';

const MAINTAINER = 'maintainer-token';
const env = { ...process.env, GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@x', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@x' };

/** A work repository pushed to a bare one (the repository's contents on "GitHub"). */
describe('local GitHub API: merging pull requests and git refs, in the backing bare repository', () => {
  let dir: string;
  let bare: string;
  let api: GitHubApi;
  let bot: Octokit;
  let maintainer: Octokit;
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env }).toString().trim();
  const inBare = (...args: string[]) => git(bare, ...args);
  const repo = { owner: 'acme', repo: 'widget' };

  function branch(name: string, from: string, file: string, text: string, message: string): string {
    git(dir, 'checkout', '-qB', name, from);
    writeFileSync(path.join(dir, file), text);
    git(dir, 'add', file);
    git(dir, 'commit', '-qm', message);
    git(dir, 'push', '-q', bare, `${name}:${name}`);
    return git(dir, 'rev-parse', 'HEAD');
  }

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'local-github-merge-'));
    bare = path.join(dir, 'remote.git');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'init', '-q', '--bare', '-b', 'main', bare);
    writeFileSync(path.join(dir, 'a'), '1\n');
    git(dir, 'add', 'a');
    git(dir, 'commit', '-qm', 'one');
    git(dir, 'push', '-q', bare, 'main');
    api = await startGitHubApi({ token: TOKEN, users: { [MAINTAINER]: 'octo-maintainer' }, repos: { 'acme/widget': { gitDir: bare } } });
    bot = await client(api);
    maintainer = await client(api, MAINTAINER);
  });
  afterEach(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('merges with a merge commit onto the base branch, as the user whose token merged', async () => {
    const head = branch('feature', 'main', 'b', 'b\n', 'Add b\n\n[marker]');
    const base = inBare('rev-parse', 'main');
    const pr = await bot.rest.pulls.create({ ...repo, head: 'feature', base: 'main', title: 'Add b' });
    const merged = await maintainer.rest.pulls.merge({ ...repo, pull_number: pr.data.number, sha: head });
    expect(merged.data).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    expect(inBare('rev-parse', 'main')).toBe(merged.data.sha);
    expect(inBare('log', '-1', '--format=%P', 'main')).toBe(`${base} ${head}`);
    expect(inBare('log', '-1', '--format=%B%an', 'main')).toBe('Merge pull request #1 from acme/feature\n\nAdd b\nocto-maintainer');
    expect(inBare('show', 'main:b')).toBe('b');
    const got = await bot.rest.pulls.get({ ...repo, pull_number: 1 });
    expect(got.data).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: merged.data.sha,
      merged_by: { login: 'octo-maintainer' },
      user: { login: 'release-bot' },
    });
    expect((await bot.rest.pulls.checkIfMerged({ ...repo, pull_number: 1 })).status).toBe(204);
    // Merged once: no second merge, no reopening.
    expect((await failure(maintainer.rest.pulls.merge({ ...repo, pull_number: 1 }))).status).toBe(405);
    expect((await failure(bot.rest.pulls.update({ ...repo, pull_number: 1, state: 'open' }))).status).toBe(422);
  });

  it('squashes into one commit carrying the commit message body', async () => {
    branch('squashed', 'main', 'b', 'b\n', 'Release 1.0.0\n\n[marker]');
    await bot.rest.pulls.create({ ...repo, head: 'squashed', base: 'main', title: 'Release 1.0.0' });
    const sq = await maintainer.rest.pulls.merge({ ...repo, pull_number: 1, merge_method: 'squash' });
    expect(inBare('log', '-1', '--format=%B', sq.data.sha)).toBe('Release 1.0.0 (#1)\n\n[marker]');
    expect(inBare('log', '-1', '--format=%P', sq.data.sha).split(' ')).toHaveLength(1);
    expect(inBare('rev-parse', 'main')).toBe(sq.data.sha);
  });

  it('rebases by replaying the commits with the merger as committer', async () => {
    const rebasedHead = branch('rebased', 'main', 'c', 'c\n', 'Add c');
    await bot.rest.pulls.create({ ...repo, head: 'rebased', base: 'main', title: 'Add c' });
    const rb = await maintainer.rest.pulls.merge({ ...repo, pull_number: 1, merge_method: 'rebase' });
    expect(rb.data.sha).not.toBe(rebasedHead); // GitHub always writes new commits
    expect(inBare('rev-parse', `${rb.data.sha}^{tree}`)).toBe(inBare('rev-parse', `${rebasedHead}^{tree}`));
    expect(inBare('log', '-1', '--format=%an|%cn|%s', rb.data.sha)).toBe('Dev|octo-maintainer|Add c');
  });

  it('refuses a conflicting merge, a stale head sha, and a merge with nothing to merge', async () => {
    branch('left', 'main', 'a', 'left\n', 'left');
    branch('right', 'main', 'a', 'right\n', 'right');
    await bot.rest.pulls.create({ ...repo, head: 'left', base: 'main', title: 'Left' });
    await bot.rest.pulls.create({ ...repo, head: 'right', base: 'main', title: 'Right' });
    const before = inBare('rev-parse', 'main');
    expect((await failure(maintainer.rest.pulls.merge({ ...repo, pull_number: 1, sha: before }))).status).toBe(409);
    await maintainer.rest.pulls.merge({ ...repo, pull_number: 1 });
    const conflict = await failure(maintainer.rest.pulls.merge({ ...repo, pull_number: 2 }));
    expect(conflict).toMatchObject({ status: 405, data: { message: 'Pull Request is not mergeable' } });
    expect(api.state.repo('acme/widget')!.pulls[1].state).toBe('open');
    expect(api.state.repo('acme/widget')!.pulls[1].merged).toBeUndefined();
  });

  it('creates, reads and deletes refs; a tag ref lands in the repository', async () => {
    const sha = inBare('rev-parse', 'main');
    const created = await bot.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0.0', sha });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ ref: 'refs/tags/v1.0.0', object: { sha, type: 'commit' } });
    expect(inBare('rev-parse', 'refs/tags/v1.0.0')).toBe(sha);
    expect((await bot.rest.git.getRef({ ...repo, ref: 'tags/v1.0.0' })).data.object.sha).toBe(sha);
    expect((await failure(bot.rest.git.createRef({ ...repo, ref: 'refs/tags/v1.0.0', sha }))).data.errors[0].message).toBe('Reference already exists');
    expect((await failure(bot.rest.git.createRef({ ...repo, ref: 'refs/tags/v2', sha: 'f'.repeat(40) }))).data.message).toBe('Object does not exist');
    expect((await failure(bot.rest.git.createRef({ ...repo, ref: 'v2', sha }))).status).toBe(422);
    expect((await failure(bot.rest.git.getRef({ ...repo, ref: 'tags/v9' }))).status).toBe(404);
    await bot.rest.git.deleteRef({ ...repo, ref: 'tags/v1.0.0' });
    expect(inBare('tag', '--list')).toBe('');
  });
});
