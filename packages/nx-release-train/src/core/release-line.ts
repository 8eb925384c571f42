/**
 * Release lines. By default a line is a Cargo compatibility line: versions on one line are
 * semver-compatible, so a line is `N` for N.y.z (N >= 1), `0.M` for 0.M.z (M >= 1), and
 * `0.0.P` for 0.0.P (Cargo treats every 0.0.P as its own line). Pre-release and build parts do
 * not change the line.
 *
 * A workspace that releases minors of a line N >= 1 (`release-major --bump=minor`: branches
 * release-1.256.0, release-1.257.0) patches each minor on its own branch (1.256.1, 1.257.1), so
 * there each minor is a line `N.M` (`1.256.x`). Which unit a major uses is read from the release
 * branches' names (`releaseLines`): a branch N.M.0 with M > 0 exists only where minors of N are
 * released, so then every branch of major N is a minor line; otherwise N is one line. No setting
 * is needed: a release branch holds its own N.M.z versions only (lineVersionProblem), so the
 * names tell.
 *
 * A line selector is what a user writes to name a line (`4.x`, `4`, `0.19.x`, `0.19`,
 * `0.19.0`, `release-0.19.0`): it is matched against the release branches that exist and must
 * name exactly one of them, otherwise it is refused with the candidates.
 *
 * What a release branch holds, judged from its name, its version and its tip's message: a
 * version that does not belong to the branch is refused (never patched into another line),
 * and a tip that is already this tool's release commit is finished, not bumped again.
 */
// The functions one by one: the `semver` index loads all of semver (ranges included), and this
// module is on the graph path (core/settings/rules.ts, core/version/grouping.ts).
import semverEq from 'semver/functions/eq';
import semverGt from 'semver/functions/gt';
import semverParse from 'semver/functions/parse';
import semverPrerelease from 'semver/functions/prerelease';
import semverValid from 'semver/functions/valid';
import type { ReleaseTrainOptions } from './settings/options';
import { fillPattern, versionInName } from './settings/pattern';
import { carriesMarker, subjectOf } from './commit-message';

/** A release branch, judged from its name (release.ts finds them). */
export interface ReleaseBranch {
  name: string;
  /** The version in the branch name (the line's .0 release: release-4.0.0 -> 4.0.0). */
  version: string;
  major: number;
  /** The version's release line (`4`, `0.19`, or `1.256` where minors are lines: `releaseLines`). */
  line: string;
}

/** The compatibility line of a version, or null when it is not semver. */
export function compatLine(version: string): string | null {
  const v = semverParse(version);
  if (!v) return null;
  if (v.major > 0) return `${v.major}`;
  if (v.minor > 0) return `0.${v.minor}`;
  return `0.0.${v.patch}`;
}

/**
 * The release line of each version of a set of release branches (newest first or not): its
 * compatibility line, or `N.M` when branches of major N >= 1 with a minor above 0 exist.
 */
export function releaseLines(versions: readonly string[]): Map<string, string | null> {
  const parsed = versions.map((v) => [v, semverParse(v)] as const);
  const minorMajors = new Set(parsed.filter(([, p]) => p && p.major > 0 && p.minor > 0).map(([, p]) => p!.major));
  return new Map(parsed.map(([v, p]) => [v, p && minorMajors.has(p.major) ? `${p.major}.${p.minor}` : compatLine(v)]));
}

/** True when `version` belongs to release line `line` (`1.256` holds 1.256.z, `1` every 1.y.z). */
export function lineHolds(line: string, version: string): boolean {
  const p = parts(line);
  const v = semverParse(version);
  if (v && p.length === 2 && p[0] > 0) return v.major === p[0] && v.minor === p[1];
  return compatLine(version) === line;
}

/** How a line is written for people: `4.x`, `1.256.x`, `0.19.x`, `0.0.3`. */
export function lineLabel(line: string): string {
  return line.split('.').length >= 3 ? line : `${line}.x`;
}

function parts(line: string): number[] {
  return line.split('.').map(Number);
}

/** Orders lines oldest first (`0.0.3` < `0.18` < `0.19` < `1` < `4`). */
export function compareLines(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/**
 * The number a line counts by for long-term support: N for line N, M for line 0.M or N.M (those
 * lines move one minor per release, as N lines move one major), P for 0.0.P.
 */
export function lineNumber(line: string): number {
  const p = parts(line);
  return p[p.length - 1];
}

/** What a `--target` value names, before it is matched against the existing branches. */
export interface LineSelector {
  /** As written, for messages. */
  input: string;
  /** Line prefix: `['4']` names major 4's line(s), `['4', '1']` minor line 4.1, `['0']` every 0.M line, `['0', '19']` line 0.19. */
  prefix?: number[];
  /** A version: the branch of exactly that version, else the branch of its line. */
  version?: string;
  /** A branch name: exactly that branch. */
  branch?: string;
}

const NUM = String.raw`(0|[1-9]\d{0,5})`;
const LINE_FORM = new RegExp(`^${NUM}(?:\\.${NUM})?(\\.x)?$`);

/**
 * Reads a line selector, or returns null when `value` is no line form. `4.1` is not one: on a
 * line N >= 1 the minor names a line only as `4.1.x` (a minor line), or as the name of a
 * release branch.
 */
export function parseLineSelector(value: string, branchPattern: string): LineSelector | null {
  const m = LINE_FORM.exec(value);
  const prefix = m && (m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])]);
  if (prefix && (prefix.length === 1 || prefix[0] === 0 || m![3] !== undefined)) return { input: value, prefix };
  if (isVersion(value)) return { input: value, version: value };
  // A branch name, read through the pattern (`4.1` is one when branches are `{major}.{minor}`).
  const inner = versionInName(branchPattern, value);
  return inner !== null && isVersion(inner) ? { input: value, branch: value } : null;
}

/** A plain semver version (no `v` or `=` in front, which semver.parse would allow). */
function isVersion(value: string): boolean {
  return /^\d/.test(value) && semverParse(value) !== null;
}

/** A release branch as far as line matching needs it. */
export interface LineBranch {
  name: string;
  version: string;
  line: string;
}

/** The branches a selector names (several means ambiguous, none means unknown). */
export function matchSelector<T extends LineBranch>(selector: LineSelector, branches: readonly T[]): T[] {
  if (selector.branch !== undefined) return branches.filter((b) => b.name === selector.branch);
  if (selector.version !== undefined) {
    const exact = branches.filter((b) => semverEq(b.version, selector.version!));
    if (exact.length > 0) return exact;
    return branches.filter((b) => lineHolds(b.line, selector.version!));
  }
  const prefix = selector.prefix ?? [];
  return branches.filter((b) => {
    // `4` names every branch of major 4 (one line, or its minor lines), `4.1` the branch of
    // 4.1.z; `0` every 0.M line, `0.19` line 0.19 and `0.0` every 0.0.P line.
    const p = prefix[0] === 0 ? parts(b.line) : parts(b.version.split('-')[0]);
    return prefix.every((n, i) => p[i] === n);
  });
}

/** `0.19.x (release-0.19.0), 0.18.x (release-0.18.0)`, or `(none)`. */
export function describeBranches(branches: readonly LineBranch[]): string {
  return branches.length === 0 ? '(none)' : branches.map((b) => `${lineLabel(b.line)} (${b.name})`).join(', ');
}

/** Why `version` cannot be on `branch` (`release-4.0.0` holds 4.0.N); null: it belongs there. */
export function lineVersionProblem(branch: ReleaseBranch, version: string): string | null {
  const named = semverParse(branch.version);
  const held = semverParse(version);
  if (!named || !held) return `${branch.name} holds version ${version}, which is not a version X.Y.Z`;
  const sameLine = held.major === named.major && held.minor === named.minor && held.patch >= named.patch;
  return sameLine ? null : `${branch.name} holds version ${version}, not a ${named.major}.${named.minor}.x version of its line`;
}

/** The fix for a branch whose version does not match its name. */
export function lineVersionFix(branch: ReleaseBranch): string {
  return `a release branch carries its own line's version: check out ${branch.name} and correct the version in its manifests, or rename the branch after the version it holds`;
}

/**
 * True when `version` is one release-patch writes on `branch`: a plain version above the line's
 * own release. A release commit of 49.0.0 (release day) or 49.0.0-rc.N (a candidate) on
 * release-49.0.0 is released or in candidates, never a prepared patch.
 */
export function isPatchVersion(branch: ReleaseBranch, version: string): boolean {
  return semverValid(version) !== null && semverPrerelease(version) === null && semverGt(version, branch.version);
}

/** True when `message` is the release commit this tool writes for `version` (title + marker). */
export function isReleaseCommit(message: string, version: string, options: ReleaseTrainOptions): boolean {
  return subjectOf(message) === fillPattern(options.releaseTitle, version) && carriesMarker(message, options.marker);
}

/** The release title as GitHub's squash merge writes it: the pull request's title and ` (#N)`. */
export function isSquashedReleaseCommit(message: string, version: string, options: ReleaseTrainOptions): boolean {
  const title = fillPattern(options.releaseTitle, version);
  const subject = subjectOf(message);
  return subject.startsWith(`${title} (#`) && /^ \(#\d+\)$/.test(subject.slice(title.length)) && carriesMarker(message, options.marker);
}

/**
 * True when `message` is a release commit this tool writes, of any version: the release title
 * pattern with a version in it, and the marker. Such a commit on a local branch only is a
 * proposal (merged another way, unmerged, or rejected), never work of the maintainer's.
 */
export function isAnyReleaseCommit(message: string, options: ReleaseTrainOptions): boolean {
  const pattern = options.releaseTitle
    .split('{version}')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{(major|minor|patch)\\\}/g, '\\d+'))
    .join('\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?');
  return new RegExp(`^${pattern}$`).test(subjectOf(message)) && carriesMarker(message, options.marker);
}
