/**
 * Version arithmetic of the release train and the shape of first-party requirements.
 */
import * as semver from 'semver';

/**
 * 'major': the monthly cut (X.Y.Z -> X+1.0.0; on a 0.x line 0.M.P -> 0.M+1.0).
 * 'patch': a maintenance release (patch + 1 on every line).
 * 'release': release day; no version moves, only RELEASES.md is dated.
 */
export type BumpKind = 'major' | 'patch' | 'release';

/** The next version of a line, or null when `version` is not valid semver. */
export function nextVersion(version: string, bump: BumpKind): string | null {
  const v = semver.valid(version);
  if (!v) return null;
  if (bump === 'release') return v;
  // On 0.x, Cargo treats the minor as the breaking component, so a major cut moves it.
  const release = bump === 'patch' ? 'patch' : semver.major(v) === 0 ? 'minor' : 'major';
  return semver.inc(v, release);
}

/** A requirement that pins one version: `=1.2.3`, `^1.2.3` or bare `1.2.3` (caret). */
export interface SimpleRequirement {
  op: '=' | '^' | '';
  version: string;
  /** Offset of the version inside the requirement text (so spacing is kept on rewrite). */
  offset: number;
}

const SIMPLE_REQ = /^(\s*)(=|\^)?(\s*)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\s*$/;

/** Parses a single-version requirement; null for anything else (ranges, `~`, partial versions). */
export function parseRequirement(req: string): SimpleRequirement | null {
  const m = SIMPLE_REQ.exec(req);
  if (!m) return null;
  return { op: (m[2] ?? '') as SimpleRequirement['op'], version: m[4], offset: m[1].length + (m[2] ?? '').length + m[3].length };
}

/** `req` with its version replaced by `version`, operator and spacing unchanged. */
export function rewriteRequirement(req: string, parsed: SimpleRequirement, version: string): string {
  return req.slice(0, parsed.offset) + version + req.slice(parsed.offset + parsed.version.length);
}
