import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from './index';
import { type Octokit, TOKEN, client, failure } from './spec-helpers';

describe('local GitHub API: pull requests', () => {
  let api: GitHubApi;
  let gh: Octokit;
  beforeEach(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: ['acme/widget'] });
    gh = await client(api);
  });
  afterEach(() => api.stop());

  it('creates, finds by head=owner:branch, updates and gets a pull request', async () => {
    const created = await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'bump', base: 'main', title: 'Bump', body: 'one' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ number: 1, state: 'open', title: 'Bump', head: { ref: 'bump', label: 'acme:bump' }, base: { ref: 'main' } });
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'other', base: 'main', title: 'Other' });

    const found = await gh.rest.pulls.list({ owner: 'acme', repo: 'widget', head: 'acme:bump', state: 'open' });
    expect(found.data.map((p) => p.number)).toEqual([1]);

    const updated = await gh.rest.pulls.update({ owner: 'acme', repo: 'widget', pull_number: 1, title: 'Bump 2', body: 'two' });
    expect(updated.data).toMatchObject({ title: 'Bump 2', body: 'two' });
    const got = await gh.rest.pulls.get({ owner: 'acme', repo: 'widget', pull_number: 1 });
    expect(got.data).toMatchObject({ title: 'Bump 2', body: 'two', merged: false });
    expect(api.state.repo('acme/widget')!.pulls.map((p) => p.title)).toEqual(['Bump 2', 'Other']);
  });

  it('refuses a second open pull request for the same head and base, as GitHub does', async () => {
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'bump', base: 'main', title: 'Bump' });
    const err = await failure(gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'acme:bump', base: 'main', title: 'Again' }));
    expect(err.status).toBe(422);
    expect(err.data.message).toBe('Validation Failed');
    expect(err.data.errors[0].message).toBe('A pull request already exists for acme:bump.');
    // Once closed, a new one may open, and reopening the old one then conflicts.
    await gh.rest.pulls.update({ owner: 'acme', repo: 'widget', pull_number: 1, state: 'closed' });
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'bump', base: 'main', title: 'Again' });
    expect((await failure(gh.rest.pulls.update({ owner: 'acme', repo: 'widget', pull_number: 1, state: 'open' }))).status).toBe(422);
  });

  it('filters by state and ignores a head filter without an owner, like GitHub', async () => {
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'a', base: 'main', title: 'A' });
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'b', base: 'main', title: 'B' });
    await gh.rest.pulls.update({ owner: 'acme', repo: 'widget', pull_number: 1, state: 'closed' });
    const open = await gh.rest.pulls.list({ owner: 'acme', repo: 'widget' });
    expect(open.data.map((p) => p.title)).toEqual(['B']);
    const closed = await gh.rest.pulls.list({ owner: 'acme', repo: 'widget', state: 'closed', head: 'acme:a' });
    expect(closed.data.map((p) => p.title)).toEqual(['A']);
    const bare = await gh.rest.pulls.list({ owner: 'acme', repo: 'widget', state: 'all', head: 'a' });
    expect(bare.data).toHaveLength(2);
  });

  it('paginates with Link headers that Octokit follows', async () => {
    for (let i = 0; i < 5; i++) await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: `b${i}`, base: 'main', title: `T${i}` });
    const first = await gh.rest.pulls.list({ owner: 'acme', repo: 'widget', per_page: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.headers.link).toContain('rel="next"');
    const all = await gh.paginate(gh.rest.pulls.list, { owner: 'acme', repo: 'widget', per_page: 2 });
    expect(all.map((p) => p.title).sort()).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
  });

  it('answers 401 for a wrong or missing token and 404 for an unknown repository or pull', async () => {
    const bad = await failure((await client(api, 'nope')).rest.pulls.list({ owner: 'acme', repo: 'widget' }));
    expect(bad).toMatchObject({ status: 401, data: { message: 'Bad credentials' } });
    const none = await failure((await client(api, null)).rest.pulls.list({ owner: 'acme', repo: 'widget' }));
    expect(none).toMatchObject({ status: 401, data: { message: 'Requires authentication' } });
    expect((await failure(gh.rest.pulls.list({ owner: 'acme', repo: 'missing' }))).status).toBe(404);
    expect((await failure(gh.rest.pulls.get({ owner: 'acme', repo: 'widget', pull_number: 7 }))).status).toBe(404);
    expect(api.state.repo('acme/widget')!.pulls).toEqual([]);
  });

  it('fails the nth matching request with a 5xx, or drops its connection', async () => {
    api.state.injectFault({ method: 'POST', path: '/pulls', nth: 2, status: 503 });
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'a', base: 'main', title: 'A' });
    expect((await failure(gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'b', base: 'main', title: 'B' }))).status).toBe(503);
    await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'b', base: 'main', title: 'B' });

    api.state.injectFault({ drop: true });
    const dropped = await failure(gh.rest.pulls.list({ owner: 'acme', repo: 'widget' }));
    expect(dropped.status).toBe(500); // Octokit's status for a fetch that got no answer
    expect(api.state.requests.map((r) => r.fault ?? r.status)).toEqual([201, 503, 201, 'drop']);
    expect(api.state.repo('acme/widget')!.pulls.map((p) => p.title)).toEqual(['A', 'B']);
  });
});

describe('local GitHub API: pull requests checked against a git directory', () => {
  let dir: string;
  let api: GitHubApi;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'local-github-'));
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
      })
        .toString()
        .trim();
    git('init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'f'), '1');
    git('add', 'f');
    git('commit', '-qm', 'one');
    git('branch', 'same');
    git('checkout', '-qb', 'ahead');
    writeFileSync(path.join(dir, 'f'), '2');
    git('commit', '-qam', 'two');
    api = await startGitHubApi({ token: TOKEN, repos: { 'acme/widget': { gitDir: path.join(dir, '.git') } } });
  });
  afterEach(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('requires existing branches with commits to merge, and reports their shas', async () => {
    const gh = await client(api);
    const sha = execFileSync('git', ['rev-parse', 'ahead'], { cwd: dir }).toString().trim();
    const pr = await gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'ahead', base: 'main', title: 'Ahead' });
    expect(pr.data.head.sha).toBe(sha);
    const missing = await failure(gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'nope', base: 'main', title: 'X' }));
    expect(missing.data.errors[0]).toMatchObject({ field: 'head', code: 'invalid' });
    const empty = await failure(gh.rest.pulls.create({ owner: 'acme', repo: 'widget', head: 'same', base: 'main', title: 'X' }));
    expect(empty.data.errors[0].message).toBe('No commits between main and same');
  });
});
