/**
 * Name patterns of the settings (`release-{version}`, `v{version}`, `{major}.{minor}`): the ONE
 * place that fills them from a version, turns them into a git glob, and reads a version back
 * out of a name. Every command that finds release branches, tags or review branches reads
 * names through `versionInName`, so a pattern of any shape works everywhere or nowhere.
 */

const PLACEHOLDER = /\{(version|major|minor|patch)\}/g;

/** Fill placeholders {version} {major} {minor} {patch} from a semver string. */
export function fillPattern(pattern: string, version: string): string {
  const [major = '', minor = '', patch = ''] = version.split('-')[0].split('.');
  return pattern.replaceAll('{version}', version).replaceAll('{major}', major).replaceAll('{minor}', minor).replaceAll('{patch}', patch);
}

/** The placeholders a pattern carries. */
export function placeholdersOf(pattern: string): Set<string> {
  return new Set([...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]));
}

/** A glob (git for-each-ref, fnmatch) matching every name the pattern can give. */
export function patternGlob(pattern: string): string {
  return pattern.replace(PLACEHOLDER, '*').replace(/\*+/g, '*');
}

/** One or more digits, in GitHub's filter syntax. */
const DIGITS = '[0-9]+';

/**
 * The pattern as a GitHub Actions branch or tag filter (the workflow's `branches:` and `tags:`),
 * matching only names the pattern can give: a number placeholder is `[0-9]+` (one or more
 * digits), `{version}` three numbers then anything but a `/` (a pre-release suffix). Literal
 * text stays as written: the workflow refuses a pattern whose text holds a filter character.
 */
export function patternFilter(pattern: string): string {
  return pattern.replace(PLACEHOLDER, (_, p: string) => (p === 'version' ? `${DIGITS}.${DIGITS}.${DIGITS}*` : DIGITS));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NUMBER = String.raw`(0|[1-9]\d*)`;
const VERSION = String.raw`(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)`;

/** The pattern as an anchored expression: literal text escaped, each placeholder as `piece` gives it. */
function anchored(pattern: string, piece: (placeholder: string) => string): { source: string; order: string[] } {
  const order: string[] = [];
  let source = '^';
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    source += escape(pattern.slice(last, m.index)) + piece(m[1]);
    order.push(m[1]);
    last = m.index + m[0].length;
  }
  return { source: `${source}${escape(pattern.slice(last))}$`, order };
}

/**
 * The pattern as a POSIX extended regular expression (bash's `[[ $name =~ $re ]]`) matching
 * only names the pattern can give: what a workflow step checks a branch with, where the filter
 * syntax is not available (literal text escaped alike: those characters mean the same in ERE).
 */
export function patternEre(pattern: string): string {
  return anchored(pattern, (p) => (p === 'version' ? String.raw`[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?` : '(0|[1-9][0-9]*)')).source;
}

/**
 * The version `name` was filled from, or null when the pattern cannot give `name`. With
 * `{version}` that version is read as written; otherwise from {major} {minor} {patch}, a
 * missing part being 0 (`{major}.{minor}` reads `0.14` as 0.14.0, the line's .0 release).
 * A name is only accepted when filling the pattern with the version read gives it back, so
 * a placeholder written twice must agree and nothing is read two ways.
 */
export function versionInName(pattern: string, name: string): string | null {
  const { source, order } = anchored(pattern, (p) => (p === 'version' ? VERSION : NUMBER));
  if (order.length === 0) return null;
  const match = new RegExp(source).exec(name);
  if (!match) return null;
  const got = new Map<string, string>();
  order.forEach((p, i) => got.set(p, got.get(p) ?? match[i + 1]));
  const version = got.get('version') ?? `${got.get('major') ?? ''}.${got.get('minor') ?? '0'}.${got.get('patch') ?? '0'}`;
  return /^\d+\.\d+\.\d+/.test(version) && fillPattern(pattern, version) === name ? version : null;
}

/**
 * Why a pattern cannot name every line's .0 release apart (null: it can): it must carry
 * {version}, or {major} with {minor} (0.x lines differ in their minor only).
 */
export function linePatternProblem(pattern: string): string | null {
  const has = placeholdersOf(pattern);
  if (has.has('version') || (has.has('major') && has.has('minor'))) {
    for (const sample of ['5.0.0', '0.92.0', '1.257.0', '10.0.0']) {
      if (versionInName(pattern, fillPattern(pattern, sample)) !== sample)
        return `cannot be read back: "${fillPattern(pattern, sample)}" (from ${sample}) does not give ${sample} again`;
    }
    return null;
  }
  return 'has neither {version} nor both {major} and {minor}, so two release lines (0.91.x and 0.92.x, say) would get one name';
}
