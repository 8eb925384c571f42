/**
 * Cargo version requirements, matched by semver (the `semver` package) rather than as text.
 *
 * A requirement is one or more comparators separated by commas: `0.19`, `^1.2.3`, `=0.19.3`,
 * `~0.19.2`, `>=1, <3`, `0.19.*`, `*`. Cargo's meanings map onto node-semver ranges once a
 * bare version is read as a caret (node-semver reads `1.2` as `1.2.x`, Cargo as `^1.2`) and
 * build metadata is dropped (Cargo ignores it on both sides). Pre-releases follow the rule
 * both share: a pre-release version matches only a comparator that names a pre-release of
 * the same major.minor.patch (`=49.0.0-dev` is satisfied by 49.0.0-dev, `^0.20` is not
 * satisfied by 0.20.0-rc.1).
 */
import semver from 'semver';

export interface Comparator {
  /** `''` (caret), `^`, `=`, `~`, `>`, `>=`, `<`, `<=`. */
  op: string;
  /** The version as written (1 to 3 parts, maybe `*`, pre-release and build). */
  version: string;
  /** Offset of `version` in the requirement text. */
  offset: number;
  /** How many numeric parts are written (1 for `0`, 2 for `0.19`, 3 for `0.19.0`). */
  precision: 1 | 2 | 3;
  /** True when a part is `*`, `x` or `X`. */
  wildcard: boolean;
}

const PART = String.raw`(?:0|[1-9]\d*|\*|x|X)`;
const IDENT = String.raw`[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*`;
const COMPARATOR = new RegExp(String.raw`^(\s*)(>=|<=|=|\^|~|>|<)?(\s*)(${PART}(?:\.${PART}(?:\.${PART}(?:-${IDENT})?(?:\+${IDENT})?)?)?)\s*$`);

/** The comparators of a requirement, or null when it is not one Cargo accepts. */
export function parseCargoRequirement(text: string): Comparator[] | null {
  const out: Comparator[] = [];
  let at = 0;
  for (const piece of text.split(',')) {
    const m = COMPARATOR.exec(piece);
    if (!m) return null;
    const version = m[4];
    const numeric = version.split(/[-+]/)[0].split('.');
    out.push({
      op: m[2] ?? '',
      version,
      offset: at + m[1].length + (m[2] ?? '').length + m[3].length,
      precision: numeric.length as 1 | 2 | 3,
      wildcard: numeric.some((p) => p === '*' || p === 'x' || p === 'X'),
    });
    at += piece.length + 1;
  }
  return out;
}

/** The node-semver range of Cargo comparators. */
function toRange(comparators: readonly Comparator[]): string {
  return comparators
    .map((c) => {
      const version = c.version.split('+')[0];
      if (c.wildcard) return version === '*' ? '*' : `${c.op === '' || c.op === '^' || c.op === '=' ? '' : c.op}${version}`;
      return `${c.op === '' ? '^' : c.op}${version}`;
    })
    .join(' ');
}

/** Whether `version` satisfies the requirement, as Cargo decides it (build metadata ignored). */
export function satisfiesCargo(version: string, comparators: readonly Comparator[]): boolean {
  const v = semver.parse(version);
  return v !== null && semver.satisfies(v.version, toRange(comparators));
}

export type RewriteResult = Readonly<
  { kind: 'rewritten'; text: string } | { kind: 'unchanged' } | { kind: 'stale' } | { kind: 'unparsed' } | { kind: 'cannot'; reason: string }
>;

const REWRITABLE = new Set(['', '^', '=', '~']);

/**
 * A first-party requirement moved from `from` to `to`: one `''`/`^`/`=`/`~` comparator gets
 * the new version at the precision it was written with (`"0.19"` -> `"0.20"`, `"=0.19.3"` ->
 * `"=0.20.0"`), everything else in the text kept. A requirement `from` does not satisfy is
 * stale; a range the new version still satisfies (`*`, `>=0.19`) is kept as written.
 */
export function rewriteCargoRequirement(text: string, from: string, to: string): RewriteResult {
  const key = `${text}\u0000${from}\u0000${to}`;
  let result = rewrites.get(key);
  if (result === undefined) {
    if (rewrites.size >= 1024) rewrites.clear();
    result = rewrite(text, from, to);
    rewrites.set(key, result);
  }
  return result;
}

/**
 * Results by requirement text and move (shared, hence read-only): a workspace writes the same
 * few requirements (`=45.0.0`) in many manifests, and parsing them with semver each time was
 * 7 % of planning the cut-45 cut. Bounded, so a long-lived process (Nx's daemon) does not
 * keep every requirement it ever saw.
 */
const rewrites = new Map<string, RewriteResult>();

function rewrite(text: string, from: string, to: string): RewriteResult {
  const comparators = parseCargoRequirement(text);
  if (!comparators) return { kind: 'unparsed' };
  if (!satisfiesCargo(from, comparators)) return { kind: 'stale' };
  const [only] = comparators;
  if (comparators.length !== 1 || !REWRITABLE.has(only.op)) {
    return satisfiesCargo(to, comparators)
      ? { kind: 'unchanged' }
      : { kind: 'cannot', reason: `the range does not admit ${to} and only a single =, ^, ~ or bare version is rewritten` };
  }
  const next = semver.parse(to)!;
  const written = only.version.split(/[-+]/)[0].split('.');
  const numbers = [next.major, next.minor, next.patch];
  let version = written.map((part, i) => (part === '*' || part === 'x' || part === 'X' ? part : String(numbers[i]))).join('.');
  // Pre-release (not build metadata: requirements ignore it) goes along at full precision.
  if (only.precision === 3 && !only.wildcard && next.prerelease.length > 0) version += `-${next.prerelease.join('.')}`;
  const rewritten = text.slice(0, only.offset) + version + text.slice(only.offset + only.version.length);
  if (rewritten === text) return { kind: 'unchanged' };
  if (!satisfiesCargo(to, [{ ...only, version }])) return { kind: 'cannot', reason: `"${rewritten}" would not admit ${to}` };
  return { kind: 'rewritten', text: rewritten };
}
