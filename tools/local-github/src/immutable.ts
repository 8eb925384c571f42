/**
 * What a release shows and allows: drafts are seen by authenticated callers only (GitHub shows
 * them to those with push access; here, any token), and a published release of a repository
 * with immutable releases refuses every change to its assets and its tag, with the 422s GitHub
 * answers (drafts stay mutable: the documented pattern is draft, upload, publish).
 */
import { ApiError, notFound } from './http';
import type { Context } from './router';
import type { ReleaseRecord, RepoState } from './state';

/** Published and frozen: GitHub's `immutable` field on a release. */
export function isImmutable(repo: RepoState, release: ReleaseRecord): boolean {
  return repo.immutableReleases && !release.draft;
}

export function visibleTo(ctx: Context, release: ReleaseRecord): boolean {
  return !release.draft || !ctx.anonymous;
}

/** A release the caller may see, else GitHub's 404 (drafts do not exist for anonymous callers). */
export function requireVisible(ctx: Context, release: ReleaseRecord): void {
  if (!visibleTo(ctx, release)) throw notFound();
}

export type AssetChange = 'upload' | 'delete' | 'update';

const refusals: Record<AssetChange, string> = {
  upload: 'Cannot upload assets to an immutable release.',
  delete: 'Cannot delete assets of an immutable release.',
  update: 'Cannot update assets of an immutable release.',
};

export function checkAssetChange(repo: RepoState, release: ReleaseRecord, change: AssetChange): void {
  if (isImmutable(repo, release)) throw new ApiError(422, refusals[change]);
}

/** A published immutable release keeps its tag and stays published; its notes may change. */
export function checkReleaseChange(repo: RepoState, release: ReleaseRecord, body: Record<string, unknown>): void {
  if (!isImmutable(repo, release)) return;
  if (typeof body.tag_name === 'string' && body.tag_name !== release.tagName) {
    throw new ApiError(422, 'Validation Failed', [
      { resource: 'Release', code: 'custom', field: 'tag_name', message: 'tag_name cannot be changed on an immutable release' },
    ]);
  }
  if (body.draft === true)
    throw new ApiError(422, 'Validation Failed', [
      { resource: 'Release', code: 'custom', field: 'draft', message: 'an immutable release cannot become a draft' },
    ]);
}
