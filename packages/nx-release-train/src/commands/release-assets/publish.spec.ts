import { describe, expect, it } from 'vitest';
import type { RemoteAsset } from '../../core/artifacts/assets';
import { GitHubError, type FoundRelease, type ReleasesApi } from '../../effects/github-releases';
import { ArtifactsError } from '../release-artifacts/errors';
import type { UploadAsset } from './local';
import { publishRelease } from './publish';

const spec = { tag: 'v1.0.0', name: 'v1.0.0', body: 'notes', prerelease: false };
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const asset = (name: string, sha256 = A): UploadAsset => ({ name, sha256, size: 3, path: `/dist/${name}`, contentType: 'text/plain' });
const uploaded = (id: number, name: string, sha256: string | null = A): RemoteAsset => ({ id, name, size: 3, state: 'uploaded', sha256 });

/**
 * An in-memory GitHub of one repository: releases with assets, every call recorded. `race`
 * creates another job's draft of the tag just before ours is created.
 */
function fakeGitHub(opts: { releases?: Array<FoundRelease & { assets: RemoteAsset[] }>; race?: 'draft' | 'refuse'; failUpload?: string } = {}) {
  const calls: string[] = [];
  const releases = opts.releases ?? [];
  let nextId = 100;
  const byId = (id: number) => releases.find((r) => r.id === id)!;
  const draft = (id: number): FoundRelease & { assets: RemoteAsset[] } => ({
    id,
    ...spec,
    draft: true,
    uploadUrl: 'u',
    htmlUrl: `h/${id}`,
    assets: [],
  });
  const api: ReleasesApi = {
    releasesOfTag: async (tag) => (calls.push('list'), releases.filter((r) => r.tag === tag).map((r) => ({ ...r }))),
    findRelease: async () => null,
    createDraft: async () => {
      calls.push('create');
      if (opts.race) releases.push(draft(++nextId));
      if (opts.race === 'refuse') throw new GitHubError('create the draft release v1.0.0 in o/r', 422, 'Validation Failed');
      const created = draft(++nextId);
      releases.push(created);
      return { ...created };
    },
    updateDraft: async (id) => (calls.push(`update ${id}`), byId(id)),
    publish: async (id) => (calls.push(`publish ${id}`), Object.assign(byId(id), { draft: false })),
    deleteRelease: async (id) => void (calls.push(`delete release ${id}`), releases.splice(releases.indexOf(byId(id)), 1)),
    listAssets: async (id) => (calls.push('assets'), byId(id).assets.map((a) => ({ ...a }))),
    hashAsset: async (id) => (calls.push(`hash ${id}`), A),
    deleteAsset: async (id) => {
      calls.push(`delete asset ${id}`);
      for (const r of releases) r.assets = r.assets.filter((a) => a.id !== id);
    },
    uploadAsset: async (release, name) => {
      if (name === opts.failUpload) throw new GitHubError(`upload ${name} to o/r`, 502, 'Server Error');
      calls.push(`upload ${name}`);
      byId(release.id).assets.push(uploaded(++nextId, name));
    },
  };
  return { api, calls, releases };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
const run = (api: ReleasesApi, assets: UploadAsset[], dryRun = false) => publishRelease(api, spec, assets, log, { dryRun, tokenVar: 'GITHUB_TOKEN' });
const published = (assets: RemoteAsset[]) => ({ id: 7, ...spec, draft: false, uploadUrl: 'u', htmlUrl: 'h/7', assets });

describe('publishRelease', () => {
  it('drafts, uploads, checks, then publishes once; a rerun writes nothing', async () => {
    const gh = fakeGitHub();
    expect(await run(gh.api, [asset('a'), asset('a.sha256')])).toBe('h/101');
    expect(gh.calls).toEqual(['list', 'create', 'list', 'assets', 'upload a', 'upload a.sha256', 'assets', 'publish 101']);
    gh.calls.length = 0;
    await run(gh.api, [asset('a'), asset('a.sha256')]);
    expect(gh.calls).toEqual(['list', 'assets', 'assets']);
  });

  it('parallel runs converge on one draft: a lost race deletes the empty draft it made', async () => {
    const gh = fakeGitHub({ race: 'draft' });
    expect(await run(gh.api, [asset('a')])).toBe('h/101');
    expect(gh.calls.slice(0, 4)).toEqual(['list', 'create', 'list', 'delete release 102']);
    expect(gh.releases.map((r) => [r.id, r.draft, r.assets.length])).toEqual([[101, false, 1]]);
  });

  it('a 422 from create (the tag taken meanwhile) uses the release the list then shows', async () => {
    const gh = fakeGitHub({ race: 'refuse' });
    expect(await run(gh.api, [asset('a')])).toBe('h/101');
    expect(gh.calls.slice(0, 3)).toEqual(['list', 'create', 'list']);
    expect(gh.releases).toHaveLength(1);
  });

  it('a different asset fails naming both digests; nothing is uploaded, deleted or published', async () => {
    const gh = fakeGitHub({ releases: [{ ...published([]), draft: true, assets: [uploaded(1, 'a', B)] }] });
    const err = await run(gh.api, [asset('a'), asset('b')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtifactsError);
    expect((err as Error).message).toContain(`a: the release has sha256:${B} (3 bytes), the local file is sha256:${A} (3 bytes)`);
    expect(gh.calls).toEqual(['list', 'assets']);
  });

  it('a release published without an asset is refused, not written to', async () => {
    const gh = fakeGitHub({ releases: [published([uploaded(1, 'a')])] });
    await expect(run(gh.api, [asset('a'), asset('b')])).rejects.toThrow(/is published without b; a published release is not written to/);
    expect(gh.calls).toEqual(['list', 'assets']);
  });

  it('hashes only assets without a digest, and does an unfinished upload of a draft again', async () => {
    const broken = { ...uploaded(2, 'b'), state: 'starter' };
    const gh = fakeGitHub({ releases: [{ ...published([]), draft: true, assets: [uploaded(1, 'a', null), broken] }] });
    await run(gh.api, [asset('a'), asset('b')]);
    expect(gh.calls).toEqual(['list', 'assets', 'hash 1', 'delete asset 2', 'upload b', 'assets', 'hash 1', 'publish 7']);
  });

  it('--dry-run reads and writes nothing', async () => {
    const none = fakeGitHub();
    expect(await run(none.api, [asset('a')], true)).toBeNull();
    expect(none.calls).toEqual(['list']);
    const some = fakeGitHub({ releases: [{ ...published([]), draft: true, assets: [] }] });
    await run(some.api, [asset('a')], true);
    expect(some.calls).toEqual(['list', 'assets']);
  });

  it('a failed upload says to run again and leaves the draft unpublished', async () => {
    const gh = fakeGitHub({ failUpload: 'b' });
    const err = await run(gh.api, [asset('a'), asset('b')]).catch((e: unknown) => e);
    expect((err as Error).message).toBe(
      'GitHub API: upload b to o/r failed (HTTP 502): Server Error. Run again to finish: assets already uploaded are kept, and the release is published only once it holds them all.',
    );
    expect(gh.releases[0].draft).toBe(true);
  });

  it('a refused token (401) says to fix the token in its variable', async () => {
    const gh = fakeGitHub();
    gh.api.releasesOfTag = async () => {
      throw new GitHubError('list the releases of o/r', 401, 'Bad credentials');
    };
    const err = await publishRelease(gh.api, spec, [asset('a')], log, { dryRun: false, tokenVar: 'RELEASE_TOKEN' }).catch((e: unknown) => e);
    expect((err as ArtifactsError).fix).toContain('set RELEASE_TOKEN to a valid token');
  });
});
