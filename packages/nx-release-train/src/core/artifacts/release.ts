/** Whether the GitHub release of a tag must be created, updated or left as it is. Pure. */

export interface ReleaseSpec {
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
}

/** The fields of an existing release this tool owns. */
export interface ExistingRelease {
  id: number;
  name: string | null;
  body: string | null;
  prerelease: boolean;
  draft: boolean;
}

export type ReleaseChange = { action: 'create' } | { action: 'update'; fields: Array<'name' | 'body' | 'prerelease' | 'draft'> } | { action: 'keep' };

export function releaseChange(existing: ExistingRelease | null, spec: ReleaseSpec): ReleaseChange {
  if (!existing) return { action: 'create' };
  const fields: Array<'name' | 'body' | 'prerelease' | 'draft'> = [];
  if ((existing.name ?? '') !== spec.name) fields.push('name');
  // GitHub may hand back CRLF for bodies edited in its web form; that is not a change.
  if ((existing.body ?? '').replaceAll('\r\n', '\n').trim() !== spec.body.trim()) fields.push('body');
  if (existing.prerelease !== spec.prerelease) fields.push('prerelease');
  // A draft left by hand (or by an earlier tool) is published: the tag is out.
  if (existing.draft) fields.push('draft');
  return fields.length ? { action: 'update', fields } : { action: 'keep' };
}
