/** Releases and assets as GitHub's REST API shows them, from the server's records. */
import { isImmutable } from './immutable';
import { type Context, userJson } from './router';
import type { AssetRecord, ReleaseRecord, RepoState } from './state';

export function assetJson(ctx: Context, repo: RepoState, release: ReleaseRecord, a: AssetRecord) {
  return {
    url: `${ctx.origin}/repos/${repo.owner}/${repo.name}/releases/assets/${a.id}`,
    browser_download_url: `${ctx.origin}/${repo.owner}/${repo.name}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(a.name)}`,
    id: a.id,
    node_id: `RA_${a.id}`,
    name: a.name,
    label: a.label,
    state: 'uploaded',
    content_type: a.contentType,
    size: a.data.length,
    digest: a.digest,
    download_count: 0,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    uploader: userJson(ctx),
  };
}

export function releaseJson(ctx: Context, repo: RepoState, r: ReleaseRecord) {
  const api = `${ctx.origin}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/releases/${r.id}`,
    html_url: `${ctx.origin}/${repo.owner}/${repo.name}/releases/tag/${encodeURIComponent(r.tagName)}`,
    assets_url: `${api}/releases/${r.id}/assets`,
    upload_url: `${api}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${api}/tarball/${encodeURIComponent(r.tagName)}`,
    zipball_url: `${api}/zipball/${encodeURIComponent(r.tagName)}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: isImmutable(repo, r),
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: userJson(ctx),
    assets: r.assets.map((a) => assetJson(ctx, repo, r, a)),
  };
}
