/**
 * Releases and their assets. Uploads arrive at the `upload_url` each release advertises, which
 * points back at this server (Octokit's uploadReleaseAsset takes that URL, or `baseUrl`).
 * Downloading an asset through the API answers 302 to a raw download, as GitHub does.
 */
import { createHash } from 'node:crypto';
import { notFound, paginate, parseJsonObject, validationFailed } from './http';
import { checkAssetChange, checkReleaseChange, requireVisible, visibleTo } from './immutable';
import { assetJson, releaseJson } from './release-json';
import { type Context, type Route, intParam, repoOf } from './router';
import type { AssetRecord, ReleaseRecord, RepoState } from './state';

function findRelease(ctx: Context): { repo: RepoState; release: ReleaseRecord } {
  const repo = repoOf(ctx);
  const id = intParam(ctx, 'id');
  const release = repo.releases.find((r) => r.id === id);
  if (!release) throw notFound();
  requireVisible(ctx, release);
  return { repo, release };
}

function findAsset(ctx: Context): { repo: RepoState; release: ReleaseRecord; asset: AssetRecord } {
  const repo = repoOf(ctx);
  const id = intParam(ctx, 'asset_id');
  for (const release of repo.releases) {
    const asset = release.assets.find((a) => a.id === id);
    if (asset) {
      requireVisible(ctx, release);
      return { repo, release, asset };
    }
  }
  throw notFound();
}

function field<T>(body: Record<string, unknown>, name: string, type: 'string' | 'boolean'): T | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== type) throw validationFailed({ resource: 'Release', field: name, code: 'invalid' });
  return v as T;
}

function checkTagFree(repo: RepoState, tag: string, self?: ReleaseRecord): void {
  if (repo.releases.some((r) => r !== self && r.tagName === tag)) {
    throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
  }
}

/** Newest first, as GitHub lists them. */
const newestFirst = (a: ReleaseRecord, b: ReleaseRecord) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1);

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const raw = (a: AssetRecord) => ({ status: 200, raw: { data: a.data, contentType: a.contentType } });

export const releaseRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases',
    auth: 'optional',
    handle(ctx) {
      const repo = repoOf(ctx);
      const visible = repo.releases.filter((r) => visibleTo(ctx, r)).sort(newestFirst);
      const { page, headers } = paginate(visible, ctx.url.searchParams, ctx.url);
      return { status: 200, body: page.map((r) => releaseJson(ctx, repo, r)), headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/releases',
    handle(ctx) {
      const repo = repoOf(ctx);
      const body = parseJsonObject(ctx.body);
      const tagName = field<string>(body, 'tag_name', 'string');
      if (!tagName) throw validationFailed({ resource: 'Release', code: 'missing_field', field: 'tag_name' });
      checkTagFree(repo, tagName);
      const draft = field<boolean>(body, 'draft', 'boolean') ?? false;
      const now = ctx.now();
      const release: ReleaseRecord = {
        id: ctx.state.nextId(),
        tagName,
        targetCommitish: field<string>(body, 'target_commitish', 'string') ?? repo.defaultBranch,
        name: field<string>(body, 'name', 'string') ?? null,
        body: field<string>(body, 'body', 'string') ?? null,
        draft,
        prerelease: field<boolean>(body, 'prerelease', 'boolean') ?? false,
        createdAt: now,
        publishedAt: draft ? null : now,
        assets: [],
      };
      repo.releases.push(release);
      const json = releaseJson(ctx, repo, release);
      return { status: 201, body: json, headers: { location: json.url } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases/latest',
    auth: 'optional',
    handle(ctx) {
      const repo = repoOf(ctx);
      const latest = repo.releases.filter((r) => !r.draft && !r.prerelease).sort(newestFirst)[0];
      if (!latest) throw notFound();
      return { status: 200, body: releaseJson(ctx, repo, latest) };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases/tags/:tag',
    auth: 'optional',
    handle(ctx) {
      const repo = repoOf(ctx);
      // GitHub does not find drafts by tag: only published releases own their tag here.
      const release = repo.releases.find((r) => r.tagName === ctx.params.tag && !r.draft);
      if (!release) throw notFound();
      return { status: 200, body: releaseJson(ctx, repo, release) };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases/assets/:asset_id',
    auth: 'optional',
    handle(ctx) {
      const { repo, release, asset } = findAsset(ctx);
      if ((ctx.req.headers.accept ?? '').includes('application/octet-stream')) {
        return { status: 302, headers: { location: `${ctx.origin}/_downloads/${asset.id}/${encodeURIComponent(asset.name)}` } };
      }
      return { status: 200, body: assetJson(ctx, repo, release, asset) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/releases/assets/:asset_id',
    handle(ctx) {
      const { repo, release, asset } = findAsset(ctx);
      checkAssetChange(repo, release, 'update');
      const body = parseJsonObject(ctx.body);
      const name = field<string>(body, 'name', 'string');
      if (name !== undefined && name !== asset.name && release.assets.some((a) => a.name === name)) {
        throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
      }
      asset.name = name ?? asset.name;
      if ('label' in body) asset.label = field<string>(body, 'label', 'string') ?? null;
      asset.updatedAt = ctx.now();
      return { status: 200, body: assetJson(ctx, repo, release, asset) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/releases/assets/:asset_id',
    handle(ctx) {
      const { repo, release, asset } = findAsset(ctx);
      checkAssetChange(repo, release, 'delete');
      release.assets.splice(release.assets.indexOf(asset), 1);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases/:id',
    auth: 'optional',
    handle(ctx) {
      const { repo, release } = findRelease(ctx);
      return { status: 200, body: releaseJson(ctx, repo, release) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/releases/:id',
    handle(ctx) {
      const { repo, release } = findRelease(ctx);
      const body = parseJsonObject(ctx.body);
      checkReleaseChange(repo, release, body);
      const tagName = field<string>(body, 'tag_name', 'string');
      if (tagName !== undefined) checkTagFree(repo, tagName, release);
      release.tagName = tagName ?? release.tagName;
      release.targetCommitish = field<string>(body, 'target_commitish', 'string') ?? release.targetCommitish;
      if ('name' in body) release.name = field<string>(body, 'name', 'string') ?? null;
      if ('body' in body) release.body = field<string>(body, 'body', 'string') ?? null;
      release.prerelease = field<boolean>(body, 'prerelease', 'boolean') ?? release.prerelease;
      const draft = field<boolean>(body, 'draft', 'boolean');
      if (draft === false && release.draft) release.publishedAt = ctx.now();
      release.draft = draft ?? release.draft;
      return { status: 200, body: releaseJson(ctx, repo, release) };
    },
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/releases/:id',
    handle(ctx) {
      const { repo, release } = findRelease(ctx);
      repo.releases.splice(repo.releases.indexOf(release), 1);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/releases/:id/assets',
    auth: 'optional',
    handle(ctx) {
      const { repo, release } = findRelease(ctx);
      const { page, headers } = paginate(release.assets, ctx.url.searchParams, ctx.url);
      return { status: 200, body: page.map((a) => assetJson(ctx, repo, release, a)), headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/releases/:id/assets',
    handle(ctx) {
      const { repo, release } = findRelease(ctx);
      checkAssetChange(repo, release, 'upload');
      const name = ctx.url.searchParams.get('name');
      if (!name) throw validationFailed({ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' });
      if (release.assets.some((a) => a.name === name)) {
        throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
      }
      const now = ctx.now();
      const asset: AssetRecord = {
        id: ctx.state.nextId(),
        name,
        label: ctx.url.searchParams.get('label'),
        contentType: ctx.req.headers['content-type'] ?? 'application/octet-stream',
        data: ctx.body,
        digest: sha256(ctx.body),
        createdAt: now,
        updatedAt: now,
      };
      release.assets.push(asset);
      return { status: 201, body: assetJson(ctx, repo, release, asset) };
    },
  },
  // Raw downloads: where the API's 302 points, and each asset's browser_download_url.
  {
    method: 'GET',
    pattern: '/_downloads/:asset_id/:name',
    auth: false,
    handle(ctx) {
      const id = intParam(ctx, 'asset_id');
      for (const repo of ctx.state.repos.values()) {
        for (const release of repo.releases) {
          const asset = release.assets.find((a) => a.id === id && a.name === ctx.params.name);
          if (asset) return raw(asset);
        }
      }
      throw notFound();
    },
  },
  {
    method: 'GET',
    pattern: '/:owner/:repo/releases/download/:tag/:name',
    auth: false,
    handle(ctx) {
      const repo = repoOf(ctx);
      const release = repo.releases.find((r) => r.tagName === ctx.params.tag && !r.draft);
      const asset = release?.assets.find((a) => a.name === ctx.params.name);
      if (!asset) throw notFound();
      return raw(asset);
    },
  },
];
