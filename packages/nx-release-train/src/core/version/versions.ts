/**
 * Version arithmetic of the release train and the shape of first-party requirements.
 */
import { stepVersion, type PrereleaseSettings, type TrainStep } from './prerelease';

/** The steps of the train; see stepVersion in prerelease.ts for the arithmetic. */
export type BumpKind = TrainStep;

/** Today's train as the `wasmtime` preset writes it; the defaults of nextVersion. */
const TRAIN: PrereleaseSettings = { devSuffix: 'dev', candidates: true, candidateSuffix: 'rc' };

/** The next version of a line, or null when `version` is not valid (see stepVersion for why). */
export function nextVersion(version: string, bump: BumpKind, settings: PrereleaseSettings = TRAIN): string | null {
  const step = stepVersion(version, bump, settings);
  return 'to' in step ? step.to : null;
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
