/**
 * Rules on free text: a file that is only the version, and a pattern with version
 * placeholders that must match exactly one place. Both match at any version, so a rerun on an
 * already-moved file finds the same place and changes nothing.
 */
import { fillPattern } from '../settings/pattern';
import { type RuleContext, VERSION, escapeRegExp, linesOf } from './rule-context';

const PLACEHOLDER = /\{(version|major|minor|patch)\}/g;
const WORD = /[0-9A-Za-z_.]/;

export function versionFile(ctx: RuleContext, file: string): void {
  const text = ctx.required(file, 'version file');
  if (text === undefined) return;
  const m = new RegExp(`^(\\s*)(${VERSION})(\\s*)$`).exec(text);
  if (!m) {
    ctx.error(
      file,
      1,
      `expected the file to hold only a version (X.Y.Z), found ${JSON.stringify(text.slice(0, 40))}`,
      'write the version alone in the file, or use a "pattern" rule for it',
    );
    return;
  }
  ctx.write(file, m[1] + ctx.version + m[3]);
}

/**
 * The pattern as a RegExp matching it at any version, as a whole (not inside a longer word);
 * with `capture`, each placeholder is a group named after it (the value the place holds now).
 */
export function patternRegExp(pattern: string, capture = false): RegExp {
  let source = '';
  let at = 0;
  const named = new Set<string>();
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    // A placeholder written twice is captured once (a group name may appear only once).
    const group = capture && !named.has(m[1]) ? `?<${m[1]}>` : '?:';
    named.add(m[1]);
    source += escapeRegExp(pattern.slice(at, m.index)) + (m[1] === 'version' ? `(${group}${VERSION})` : `(${group}\\d+)`);
    at = m.index + m[0].length;
  }
  source += escapeRegExp(pattern.slice(at));
  // Placeholders start and end with digits, which count as word characters here.
  const first = pattern.startsWith('{') || WORD.test(pattern[0] ?? '');
  const last = pattern.endsWith('}') || WORD.test(pattern[pattern.length - 1] ?? '');
  return new RegExp(`${first ? '(?<![0-9A-Za-z_.])' : ''}${source}${last ? '(?![0-9A-Za-z_])' : ''}`, 'g');
}

export function patternRule(ctx: RuleContext, file: string, pattern: string): void {
  const text = ctx.required(file, `pattern "${pattern}"`);
  if (text === undefined) return;
  const hits = [...text.matchAll(patternRegExp(pattern))];
  if (hits.length !== 1) {
    const lines = linesOf(
      text,
      hits.map((h) => h.index),
    );
    ctx.error(
      file,
      lines[1],
      hits.length ? `pattern "${pattern}" matches ${hits.length} places (lines ${lines.join(', ')})` : `pattern "${pattern}" matches nothing`,
      hits.length
        ? 'make the pattern specific to one place in the binding rule'
        : `write the version as "${fillPattern(pattern, ctx.version)}" shows, or fix the pattern in the binding rule`,
    );
    return;
  }
  const hit = hits[0];
  ctx.write(file, text.slice(0, hit.index) + fillPattern(pattern, ctx.version) + text.slice(hit.index + hit[0].length));
}
