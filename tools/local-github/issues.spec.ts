import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from './index';
import { type Octokit, TOKEN, client, failure } from './spec-helpers';

describe('local GitHub API: issues', () => {
  let api: GitHubApi;
  let gh: Octokit;
  const repo = { owner: 'acme', repo: 'widget' };
  beforeEach(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: ['acme/widget'] });
    gh = await client(api);
  });
  afterEach(() => api.stop());

  it('creates with labels, lists by label (all must match), updates; numbers shared with pull requests', async () => {
    await gh.rest.pulls.create({ ...repo, head: 'bump', base: 'main', title: 'Bump' });
    const made = await gh.rest.issues.create({ ...repo, title: 'Status', body: 'one', labels: ['status', 'bot'] });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ number: 2, state: 'open', title: 'Status', body: 'one', labels: [{ name: 'status' }, { name: 'bot' }] });
    await gh.rest.issues.create({ ...repo, title: 'Other', labels: ['bot'] });

    const list = async (labels: string) => (await gh.rest.issues.listForRepo({ ...repo, labels, direction: 'asc' })).data.map((i) => i.number);
    expect(await list('status')).toEqual([2]);
    expect(await list('bot')).toEqual([2, 3]);
    expect(await list('status,bot')).toEqual([2]);
    expect(await list('nothing')).toEqual([]);

    const edited = await gh.rest.issues.update({ ...repo, issue_number: 2, title: 'Status 2', body: 'two' });
    expect(edited.data).toMatchObject({ number: 2, title: 'Status 2', body: 'two', labels: [{ name: 'status' }, { name: 'bot' }] });
    await gh.rest.issues.update({ ...repo, issue_number: 3, state: 'closed' });
    expect(await list('bot')).toEqual([2]);
    expect((await gh.rest.issues.listForRepo({ ...repo, labels: 'bot', state: 'all' })).data.map((i) => i.number)).toEqual([3, 2]);
    expect(api.state.repo('acme/widget')!.issues.map((i) => [i.number, i.title, i.state])).toEqual([
      [2, 'Status 2', 'open'],
      [3, 'Other', 'closed'],
    ]);
  });

  it('refuses an issue without a title, and an unknown number, as GitHub does', async () => {
    const err = await failure(gh.rest.issues.create({ ...repo, title: '' }));
    expect(err.status).toBe(422);
    expect(err.data.errors[0]).toMatchObject({ resource: 'Issue', field: 'title', code: 'missing_field' });
    expect((await failure(gh.rest.issues.update({ ...repo, issue_number: 9, title: 'x' }))).status).toBe(404);
  });
});
