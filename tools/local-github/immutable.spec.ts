import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from './index';
import { type Octokit, TOKEN, client, failure } from './spec-helpers';

const repo = { owner: 'acme', repo: 'tool' };

describe('local GitHub API: immutable releases, digests and drafts', () => {
  let api: GitHubApi;
  let gh: Octokit;
  beforeEach(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: { 'acme/tool': { immutableReleases: true }, 'acme/plain': {} } });
    gh = await client(api);
  });
  afterEach(() => api.stop());

  const upload = (release: { upload_url: string; id: number }, name: string, data = 'bytes', owner = repo) =>
    gh.rest.repos.uploadReleaseAsset({ ...owner, release_id: release.id, url: release.upload_url, name, data, headers: { 'content-type': 'text/plain' } });

  it('a draft takes, edits and drops assets; once published, every asset write is refused with 422', async () => {
    const { data: draft } = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0', draft: true });
    expect(draft.immutable).toBe(false);
    const kept = (await upload(draft, 'a.tar.xz', 'archive')).data;
    // GitHub's digest: sha256 of the bytes, as `sha256:<hex>`.
    expect(kept.digest).toBe(`sha256:${createHash('sha256').update('archive').digest('hex')}`);
    const gone = (await upload(draft, 'b.txt')).data;
    await gh.rest.repos.updateReleaseAsset({ ...repo, asset_id: kept.id, label: 'the CLI' });
    await gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: gone.id });

    const published = (await gh.rest.repos.updateRelease({ ...repo, release_id: draft.id, draft: false })).data;
    expect(published.immutable).toBe(true);
    const refused = [
      await failure(upload(published, 'c.txt')),
      await failure(gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: kept.id })),
      await failure(gh.rest.repos.updateReleaseAsset({ ...repo, asset_id: kept.id, name: 'renamed' })),
      await failure(gh.rest.repos.updateRelease({ ...repo, release_id: draft.id, tag_name: 'v1.0.1' })),
      await failure(gh.rest.repos.updateRelease({ ...repo, release_id: draft.id, draft: true })),
    ];
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422, 422, 422]);
    expect(refused[0].data.message).toBe('Cannot upload assets to an immutable release.');
    expect(api.state.repo('acme/tool')!.releases[0].assets.map((a) => [a.name, a.label])).toEqual([['a.tar.xz', 'the CLI']]);
    // The notes of a published immutable release may still be edited.
    expect((await gh.rest.repos.updateRelease({ ...repo, release_id: draft.id, body: 'notes' })).data.body).toBe('notes');
    // The request log shows every refusal.
    expect(api.state.requests.filter((r) => r.status === 422)).toHaveLength(5);
  });

  it('without the setting, a published release still takes assets', async () => {
    const plain = { owner: 'acme', repo: 'plain' };
    const { data: release } = await gh.rest.repos.createRelease({ ...plain, tag_name: 'v1.0.0' });
    expect(release.immutable).toBe(false);
    expect((await upload(release, 'late.txt', 'x', plain)).status).toBe(201);
  });

  it('drafts are listed to token holders only, and never found by tag', async () => {
    await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
    const { data: draft } = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v2.0.0', draft: true });
    await upload(draft, 'a.txt');
    const anonymous = await client(api, null);
    expect((await gh.rest.repos.listReleases(repo)).data.map((r) => r.tag_name)).toEqual(['v2.0.0', 'v1.0.0']);
    expect((await anonymous.rest.repos.listReleases(repo)).data.map((r) => r.tag_name)).toEqual(['v1.0.0']);
    expect((await failure(gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v2.0.0' }))).status).toBe(404);
    expect((await failure(anonymous.rest.repos.getRelease({ ...repo, release_id: draft.id }))).status).toBe(404);
    expect((await failure(anonymous.rest.repos.listReleaseAssets({ ...repo, release_id: draft.id }))).status).toBe(404);
    expect((await gh.rest.repos.getRelease({ ...repo, release_id: draft.id })).data.draft).toBe(true);
    // A wrong token is still refused, not taken for an anonymous caller.
    expect((await failure((await client(api, 'wrong')).rest.repos.listReleases(repo))).status).toBe(401);
  });
});
