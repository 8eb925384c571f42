import { describe, expect, it } from 'vitest';
import type { RemoteAsset } from '../../core/artifacts/assets';
import { GitHubError, type FoundRelease, type ReleasesApi } from '../../effects/github-releases';
import { ArtifactsError } from './errors';
import { publishRelease, type UploadAsset } from './github-release';

const spec = { tag: 'v1.0.0', name: 'v1.0.0', body: 'notes', prerelease: false };
const release: FoundRelease = { id: 7, name: 'v1.0.0', body: 'notes', prerelease: false, draft: false, uploadUrl: 'u', htmlUrl: 'h' };
const asset = (name: string, sha256: string): UploadAsset => ({ name, sha256, size: 3, path: `/dist/${name}`, contentType: 'text/plain' });

/** An in-memory release API recording every call; `create` decides what creating does. */
function fakeApi(opts: { found: Array<FoundRelease | null>; remote?: RemoteAsset[]; create?: () => FoundRelease; failUpload?: string }) {
  const calls: string[] = [];
  const found = [...opts.found];
  const api: ReleasesApi = {
    findRelease: async (tag) => (calls.push(`find ${tag}`), found.shift() ?? null),
    createRelease: async () => (calls.push('create'), opts.create ? opts.create() : release),
    updateRelease: async () => (calls.push('update'), release),
    listAssets: async () => (calls.push('list'), opts.remote ?? []),
    hashAsset: async (id) => (calls.push(`hash ${id}`), 'x'),
    downloadAsset: async (id) => (calls.push(`download ${id}`), Buffer.from('')),
    deleteAsset: async (id) => void calls.push(`delete ${id}`),
    uploadAsset: async (_r, name) => {
      if (name === opts.failUpload) throw new GitHubError(`upload ${name} to o/r`, 502, 'Server Error');
      calls.push(`upload ${name}`);
    },
  };
  return { api, calls };
}

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('publishRelease', () => {
  it('uses the release another job created between lookup and create (422)', async () => {
    const { api, calls } = fakeApi({
      found: [null, release],
      create: () => {
        throw new GitHubError('create the release v1.0.0 in o/r', 422, 'Validation Failed');
      },
    });
    expect(await publishRelease(api, spec, [asset('a', '1')], log, 'GITHUB_TOKEN')).toBe('h');
    expect(calls).toEqual(['find v1.0.0', 'create', 'find v1.0.0', 'list', 'upload a']);
  });

  it('deletes a differing asset before uploading its replacement, and keeps identical ones', async () => {
    const remote = [
      { id: 1, name: 'a', size: 3, state: 'uploaded', sha256: '1' },
      { id: 2, name: 'b', size: 3, state: 'uploaded', sha256: 'old' },
    ];
    const { api, calls } = fakeApi({ found: [release], remote });
    await publishRelease(api, spec, [asset('a', '1'), asset('b', '2'), asset('c', '3')], log, 'GITHUB_TOKEN');
    expect(calls).toEqual(['find v1.0.0', 'list', 'delete 2', 'upload b', 'upload c']);
  });

  it('turns a GitHub failure into an actionable error and stops at the failing asset', async () => {
    const { api, calls } = fakeApi({ found: [release], failUpload: 'b' });
    const err = await publishRelease(api, spec, [asset('a', '1'), asset('b', '2'), asset('c', '3')], log, 'GITHUB_TOKEN').catch((e) => e);
    expect(err).toBeInstanceOf(ArtifactsError);
    expect(err.message).toBe(
      'GitHub API: upload b to o/r failed (HTTP 502): Server Error. The archives are built; run again to finish: assets already uploaded and identical are kept.',
    );
    expect(calls).toEqual(['find v1.0.0', 'list', 'upload a']);
  });

  it('does not hide other 4xx answers to create', async () => {
    const { api } = fakeApi({
      found: [null, null],
      create: () => {
        throw new GitHubError('create the release v1.0.0 in o/r', 422, 'Validation Failed');
      },
    });
    await expect(publishRelease(api, spec, [], log, 'GITHUB_TOKEN')).rejects.toThrow(/HTTP 422/);
  });

  it('a refused token (401) says to fix the token in its variable, not merely to run again', async () => {
    const { api } = fakeApi({ found: [] });
    api.findRelease = async () => {
      throw new GitHubError('look up the release v1.0.0 in o/r', 401, 'Bad credentials');
    };
    const err = await publishRelease(api, spec, [asset('a', '1')], log, 'RELEASE_TOKEN').catch((e) => e);
    expect(err).toBeInstanceOf(ArtifactsError);
    expect(err.message).toContain('HTTP 401): Bad credentials. GitHub refused the token');
    expect(err.fix).toContain('set RELEASE_TOKEN to a valid token');
    expect(err.message).not.toContain('run again to finish');
  });
});
