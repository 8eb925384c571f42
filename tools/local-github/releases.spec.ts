import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubApi, startGitHubApi } from './index';
import { type Octokit, TOKEN, client, failure } from './spec-helpers';

const repo = { owner: 'acme', repo: 'tool' };

describe('local GitHub API: releases and assets', () => {
  let api: GitHubApi;
  let gh: Octokit;
  beforeEach(async () => {
    api = await startGitHubApi({ token: TOKEN, repos: ['acme/tool'] });
    gh = await client(api);
  });
  afterEach(() => api.stop());

  const upload = (release: { upload_url: string; id: number }, name: string, data: Buffer) =>
    gh.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.id,
      url: release.upload_url,
      name,
      data: data as unknown as string,
      headers: { 'content-type': 'application/x-xz' },
    });

  it('creates a release, finds it by tag, and refuses the same tag twice', async () => {
    const created = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0', name: 'v1.0.0', body: 'notes', prerelease: true });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ tag_name: 'v1.0.0', body: 'notes', prerelease: true, draft: false, target_commitish: 'main', assets: [] });
    expect(created.data.upload_url.startsWith(`${api.url}/repos/acme/tool/releases/${created.data.id}/assets{`)).toBe(true);

    const byTag = await gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v1.0.0' });
    expect(byTag.data.id).toBe(created.data.id);
    const dup = await failure(gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' }));
    expect(dup.status).toBe(422);
    expect(dup.data.errors[0]).toMatchObject({ resource: 'Release', code: 'already_exists', field: 'tag_name' });

    const updated = await gh.rest.repos.updateRelease({ ...repo, release_id: created.data.id, body: 'new notes', prerelease: false });
    expect(updated.data).toMatchObject({ body: 'new notes', prerelease: false });
    const list = await gh.rest.repos.listReleases(repo);
    expect(list.data.map((r) => r.body)).toEqual(['new notes']);
    expect((await gh.rest.repos.getLatestRelease(repo)).data.id).toBe(created.data.id);
  });

  it('does not find a draft by its tag, as GitHub does not', async () => {
    const draft = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v2.0.0', draft: true });
    expect(draft.data.published_at).toBeNull();
    expect((await failure(gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v2.0.0' }))).status).toBe(404);
    await gh.rest.repos.updateRelease({ ...repo, release_id: draft.data.id, draft: false });
    expect((await gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v2.0.0' })).data.published_at).not.toBeNull();
  });

  it('uploads through upload_url, lists, downloads, refuses a duplicate name, and deletes', async () => {
    const { data: release } = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
    const bytes = Buffer.from('archive bytes \u0000\u00ff');
    const asset = await upload(release, 'tool-v1.0.0-x86_64-linux.tar.xz', bytes);
    expect(asset.status).toBe(201);
    expect(asset.data).toMatchObject({
      name: 'tool-v1.0.0-x86_64-linux.tar.xz',
      size: bytes.length,
      content_type: 'application/x-xz',
      state: 'uploaded',
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    });

    const dup = await failure(upload(release, 'tool-v1.0.0-x86_64-linux.tar.xz', Buffer.from('other')));
    expect(dup.status).toBe(422);
    expect(dup.data.errors[0]).toMatchObject({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });

    const listed = await gh.rest.repos.listReleaseAssets({ ...repo, release_id: release.id });
    expect(listed.data.map((a) => a.name)).toEqual(['tool-v1.0.0-x86_64-linux.tar.xz']);

    const downloaded = await gh.rest.repos.getReleaseAsset({ ...repo, asset_id: asset.data.id, headers: { accept: 'application/octet-stream' } });
    expect(Buffer.from(downloaded.data as unknown as ArrayBuffer)).toEqual(bytes);
    const browser = await fetch(asset.data.browser_download_url);
    expect(Buffer.from(await browser.arrayBuffer())).toEqual(bytes);

    expect((await gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: asset.data.id })).status).toBe(204);
    expect((await gh.rest.repos.listReleaseAssets({ ...repo, release_id: release.id })).data).toEqual([]);
    const again = await upload(release, 'tool-v1.0.0-x86_64-linux.tar.xz', Buffer.from('other'));
    expect(again.data.id).not.toBe(asset.data.id);
  });

  it('also takes uploads addressed with baseUrl instead of upload_url', async () => {
    const { data: release } = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
    await gh.rest.repos.uploadReleaseAsset({ ...repo, release_id: release.id, name: 'a.txt', data: 'hello', baseUrl: api.url });
    expect(api.state.repo('acme/tool')!.releases[0].assets[0].data.toString()).toBe('hello');
  });

  it('loses nothing but the failed upload when the connection drops mid-way', async () => {
    const { data: release } = await gh.rest.repos.createRelease({ ...repo, tag_name: 'v1.0.0' });
    await upload(release, 'a', Buffer.from('A'));
    api.state.injectFault({ method: 'POST', path: /\/assets$/, drop: true });
    await failure(upload(release, 'b', Buffer.from('B')));
    api.state.injectFault({ method: 'POST', path: /\/assets$/, status: 500 });
    expect((await failure(upload(release, 'b', Buffer.from('B')))).status).toBe(500);
    await upload(release, 'b', Buffer.from('B'));
    expect(api.state.repo('acme/tool')!.releases[0].assets.map((a) => [a.name, a.data.toString()])).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
  });

  it('answers 401 and 404 like GitHub', async () => {
    const anon = await client(api, null);
    expect((await failure(anon.rest.repos.createRelease({ ...repo, tag_name: 'v1' }))).data.message).toBe('Requires authentication');
    expect((await failure(gh.rest.repos.getReleaseByTag({ ...repo, tag: 'v9' }))).status).toBe(404);
    expect((await failure(gh.rest.repos.getRelease({ ...repo, release_id: 99 }))).status).toBe(404);
    expect((await failure(gh.rest.repos.deleteReleaseAsset({ ...repo, asset_id: 99 }))).status).toBe(404);
    expect(api.state.repo('acme/tool')!.releases).toEqual([]);
  });
});
