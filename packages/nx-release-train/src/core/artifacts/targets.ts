/**
 * Requested Rust targets checked against the ones rustc knows (`rustc --print target-list`):
 * a misspelt triple is refused with the closest known one, before anything is built, instead
 * of being skipped as "not installed" while the release ships one platform short.
 */
import { closest } from 'fastest-levenshtein';

/** A requested target and where it was asked for: the `--targets` flag or the `artifacts.targets` setting. */
export interface RequestedTarget {
  target: string;
  from: '--targets' | 'artifacts.targets';
}

export interface UnknownTargets {
  message: string;
  fix: string;
}

/** The requested targets rustc does not know, with the fix for each; null when all are known. */
export function unknownTargets(requested: RequestedTarget[], known: string[]): UnknownTargets | null {
  const names = new Set(known);
  const bad = requested.filter((r) => !names.has(r.target));
  if (!bad.length) return null;
  const shown = (r: RequestedTarget) => (r.from === '--targets' ? `--targets=${r.target}` : `setting "artifacts.targets" value "${r.target}"`);
  const near = (r: RequestedTarget) => (known.length ? `use "${closest(r.target, known)}" instead of "${r.target}"` : `give a target rustc lists`);
  return {
    message: `${bad.map(shown).join(', ')}: rustc does not know ${bad.length === 1 ? 'this target' : 'these targets'}; nothing was built`,
    fix: `${bad.map(near).join('; ')} (\`rustc --print target-list\` lists every target)`,
  };
}
