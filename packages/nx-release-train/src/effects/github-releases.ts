/**
 * GitHub releases and their assets through Octokit (the REST API; base URL configurable for
 * GitHub Enterprise and the local test server). The token is given to Octokit only: it never
 * appears in arguments, logs or error messages.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { sha256FromDigest, type RemoteAsset } from '../core/artifacts/assets';
import { pickRelease, type ExistingRelease, type ReleaseSpec } from '../core/artifacts/release';
import { call, GitHubError, octokitFor } from './github';

export { GitHubError };

export interface FoundRelease extends ExistingRelease {
  uploadUrl: string;
  htmlUrl: string;
}

export interface ReleasesApi {
  /** Every release of `tag`, drafts included: from the release list (GitHub's by-tag lookup skips drafts). */
  releasesOfTag(tag: string): Promise<FoundRelease[]>;
  /** The release of `tag` (core/artifacts/release.ts pickRelease), drafts included. */
  findRelease(tag: string): Promise<FoundRelease | null>;
  /** A new draft: drafts stay writable on repositories with immutable releases. */
  createDraft(spec: ReleaseSpec): Promise<FoundRelease>;
  /** Name, notes and pre-release flag of a draft; it stays a draft. */
  updateDraft(id: number, spec: ReleaseSpec): Promise<FoundRelease>;
  /** The draft becomes the published release (`make_latest: legacy`). */
  publish(id: number): Promise<FoundRelease>;
  deleteRelease(id: number): Promise<void>;
  listAssets(releaseId: number): Promise<RemoteAsset[]>;
  /** SHA-256 of an asset's bytes, for servers that report no `digest`. */
  hashAsset(assetId: number): Promise<string>;
  deleteAsset(assetId: number): Promise<void>;
  uploadAsset(release: FoundRelease, name: string, file: string, contentType: string): Promise<void>;
}

export interface GitHubTarget {
  token: string;
  baseUrl: string;
  /** `owner/name`. */
  repository: string;
}

/** A failed GitHub call, described without the token or request headers. */

interface ReleaseJson {
  id: number;
  tag_name: string;
  name: string | null;
  body?: string | null;
  prerelease: boolean;
  draft: boolean;
  upload_url: string;
  html_url: string;
}

function found(r: ReleaseJson): FoundRelease {
  return {
    id: r.id,
    tag: r.tag_name,
    name: r.name,
    body: r.body ?? null,
    prerelease: r.prerelease,
    draft: r.draft,
    uploadUrl: r.upload_url,
    htmlUrl: r.html_url,
  };
}

export async function githubReleases(target: GitHubTarget): Promise<ReleasesApi> {
  const [owner, repo] = target.repository.split('/');
  const octokit = await octokitFor(target.token, target.baseUrl);
  const where = `${owner}/${repo}`;
  const download = async (assetId: number): Promise<Buffer> => {
    const { data } = await call(`download asset ${assetId} of ${where}`, () =>
      octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        owner,
        repo,
        asset_id: assetId,
        headers: { accept: 'application/octet-stream' },
      }),
    );
    return Buffer.from(data as unknown as ArrayBuffer);
  };

  const releasesOfTag = async (tag: string): Promise<FoundRelease[]> => {
    const all = await call(`list the releases of ${where}`, () => octokit.paginate(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 }));
    return all.filter((r) => r.tag_name === tag).map(found);
  };

  return {
    releasesOfTag,
    async findRelease(tag) {
      return pickRelease(await releasesOfTag(tag), tag).release;
    },
    async createDraft(spec) {
      const { data } = await call(`create the draft release ${spec.tag} in ${where}`, () =>
        octokit.rest.repos.createRelease({ owner, repo, tag_name: spec.tag, name: spec.name, body: spec.body, prerelease: spec.prerelease, draft: true }),
      );
      return found(data);
    },
    async updateDraft(id, spec) {
      const { data } = await call(`update the draft release ${spec.tag} in ${where}`, () =>
        octokit.rest.repos.updateRelease({ owner, repo, release_id: id, name: spec.name, body: spec.body, prerelease: spec.prerelease }),
      );
      return found(data);
    },
    async publish(id) {
      const { data } = await call(`publish release ${id} of ${where}`, () =>
        // `legacy`: GitHub's "latest" goes by date and version, so a patch of an older line
        // does not become the latest release.
        octokit.rest.repos.updateRelease({ owner, repo, release_id: id, draft: false, make_latest: 'legacy' }),
      );
      return found(data);
    },
    async deleteRelease(id) {
      await call(`delete release ${id} of ${where}`, () => octokit.rest.repos.deleteRelease({ owner, repo, release_id: id }));
    },
    async listAssets(releaseId) {
      const assets = await call(`list the assets of release ${releaseId} in ${where}`, () =>
        octokit.paginate(octokit.rest.repos.listReleaseAssets, { owner, repo, release_id: releaseId, per_page: 100 }),
      );
      return assets.map((a) => ({ id: a.id, name: a.name, size: a.size, state: a.state, sha256: sha256FromDigest(a.digest) }));
    },
    async hashAsset(assetId) {
      return createHash('sha256')
        .update(await download(assetId))
        .digest('hex');
    },
    async deleteAsset(assetId) {
      await call(`delete asset ${assetId} of ${where}`, () => octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: assetId }));
    },
    async uploadAsset(release, name, file, contentType) {
      const data = readFileSync(file);
      await call(`upload ${name} to ${where}`, () =>
        octokit.rest.repos.uploadReleaseAsset({
          owner,
          repo,
          release_id: release.id,
          name,
          // The release's own upload URL: uploads.github.com on github.com, elsewhere on GHES.
          url: release.uploadUrl,
          data: data as unknown as string,
          headers: { 'content-type': contentType, 'content-length': data.length },
        }),
      );
    },
  };
}
