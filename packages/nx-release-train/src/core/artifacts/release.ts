/**
 * Which GitHub release of a tag is the one, and whether its draft must be created or updated.
 * Pure. A published release is never updated (notes included): it was written once.
 */

export interface ReleaseSpec {
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
}

/** The fields of an existing release this tool owns. */
export interface ExistingRelease {
  id: number;
  tag: string;
  name: string | null;
  body: string | null;
  prerelease: boolean;
  draft: boolean;
}

export type ReleaseField = 'name' | 'body' | 'prerelease';

export type ReleaseChange = { action: 'create' } | { action: 'update'; fields: ReleaseField[] } | { action: 'keep' };

/** The fields of `existing` that differ from `spec` (a draft is brought up to date; a published release only reported). */
export function releaseChange(existing: ExistingRelease | null, spec: ReleaseSpec): ReleaseChange {
  if (!existing) return { action: 'create' };
  const fields: ReleaseField[] = [];
  if ((existing.name ?? '') !== spec.name) fields.push('name');
  // GitHub may hand back CRLF for bodies edited in its web form; that is not a change.
  if ((existing.body ?? '').replaceAll('\r\n', '\n').trim() !== spec.body.trim()) fields.push('body');
  if (existing.prerelease !== spec.prerelease) fields.push('prerelease');
  return fields.length ? { action: 'update', fields } : { action: 'keep' };
}

/**
 * The release of `tag` among `releases`: the published one, else the oldest draft (GitHub lets
 * several drafts share a tag; parallel jobs that each created one converge on the oldest).
 * `others`: the drafts of the tag that are not the one.
 */
export function pickRelease<R extends ExistingRelease>(releases: readonly R[], tag: string): { release: R | null; others: R[] } {
  const ofTag = releases.filter((r) => r.tag === tag).sort((a, b) => a.id - b.id);
  const release = ofTag.find((r) => !r.draft) ?? ofTag[0] ?? null;
  return { release, others: ofTag.filter((r) => r !== release) };
}
