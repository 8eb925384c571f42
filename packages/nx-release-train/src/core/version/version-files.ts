/**
 * Files that carry the version in free text (options.versionFiles), e.g. a C header's
 * `#define X_VERSION "1.2.3"`. Each pattern, filled with the current version, must occur
 * exactly once; it is replaced by the same pattern filled with the new version.
 */
import { fillPattern } from '../settings/pattern';
import type { PlanContext } from './plan-context';
import type { LineBump } from './lines';
import { lineAt, lineStarts } from './toml-scan';

const PLACEHOLDER = /\{(version|major|minor|patch)\}/;
const WORD = /[0-9A-Za-z_.]/;

/**
 * Offsets where `needle` occurs as a whole: a match must not continue a word on either side,
 * so `MAJOR 4` does not match inside `MAJOR 45`.
 */
export function findWhole(text: string, needle: string): number[] {
  const found: number[] = [];
  const wordStart = WORD.test(needle[0] ?? '');
  const wordEnd = WORD.test(needle[needle.length - 1] ?? '');
  let i = text.indexOf(needle);
  while (i !== -1 && needle.length > 0) {
    const before = text[i - 1] ?? '';
    const after = text[i + needle.length] ?? '';
    if (!(wordStart && WORD.test(before)) && !(wordEnd && WORD.test(after))) found.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return found;
}

export function planVersionFiles(ctx: PlanContext, primary: LineBump | null): void {
  const rules = ctx.options.versionFiles;
  if (!rules.length) return;
  if (!primary) {
    ctx.problems.error(
      'nx.json',
      undefined,
      'versionFiles are set but the workspace has several version lines and no [workspace.package] version to fill them from',
      'add a [workspace.package] version, or remove versionFiles',
    );
    return;
  }
  for (const rule of rules) {
    const text = ctx.text(rule.file);
    if (text === undefined) {
      ctx.problems.error(rule.file, undefined, 'version file not found', `create it, or remove it from versionFiles in nx.json`);
      continue;
    }
    const starts = lineStarts(text);
    for (const pattern of rule.patterns) {
      if (!PLACEHOLDER.test(pattern)) {
        ctx.problems.error(
          'nx.json',
          undefined,
          `versionFiles pattern "${pattern}" for ${rule.file} has no {version}, {major}, {minor} or {patch}`,
          'add a placeholder to the pattern',
        );
        continue;
      }
      const old = fillPattern(pattern, primary.from);
      const hits = findWhole(text, old);
      if (hits.length !== 1) {
        ctx.problems.error(
          rule.file,
          hits.length ? lineAt(starts, hits[1]) : undefined,
          hits.length
            ? `pattern "${pattern}" matches ${hits.length} places ("${old}")`
            : `pattern "${pattern}" not found: expected "${old}" for the current version ${primary.from}`,
          hits.length
            ? 'make the pattern specific to one line in versionFiles (nx.json)'
            : `write "${old}" in the file, or fix the pattern in versionFiles (nx.json)`,
        );
        continue;
      }
      const now = fillPattern(pattern, primary.to);
      if (now !== old) ctx.splice(rule.file, { start: hits[0], end: hits[0] + old.length, text: now }, lineAt(starts, hits[0]));
    }
  }
}
