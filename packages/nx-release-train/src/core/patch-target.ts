/**
 * Which release lines a patch goes to. Pure: the command-line target, the release branches
 * git knows, and the support policy in; the lines out, or a refusal that lists the choices.
 */
import semver from 'semver';
import { fillPattern, type ReleaseTrainOptions } from './settings/options';
import { ReleaseError, type ReleaseBranch } from './release';
import { compareLines, describeBranches, lineLabel, lineNumber, matchSelector, parseLineSelector, type LineSelector } from './release-line';

export type PatchTarget = { kind: 'latest' } | { kind: 'supported' } | { kind: 'select'; selector: LineSelector };

/**
 * Accepted: `4.x`, `4`, `1.256.x` (a minor line), `0.19.x`, `0.19`, a version (`4.0.0`, `0.19.3`), a release branch
 * (`release-0.19.0`, per the branch pattern), `latest`, `supported`. Anything else is refused
 * here, before git is asked anything; which branch a form names is decided by selectLines.
 */
export function parsePatchTarget(input: string, options: ReleaseTrainOptions): PatchTarget {
  const value = input.trim();
  if (value === 'latest') return { kind: 'latest' };
  if (value === 'supported') return { kind: 'supported' };
  const selector = parseLineSelector(value, options.branchPattern);
  if (!selector) {
    throw new ReleaseError(
      `--target=${JSON.stringify(input)} is not a release line`,
      `name a line as 4.x, 4, 1.256.x, 0.19.x, 0.19, a version (4.0.0) or a branch (${fillPattern(options.branchPattern, '4.0.0')}), or use latest or supported`,
    );
  }
  return { kind: 'select', selector };
}

/** The target that names exactly one branch (the current release branch, say). */
export function branchTarget(name: string): PatchTarget {
  return { kind: 'select', selector: { input: name, branch: name } };
}

export interface LineInfo extends ReleaseBranch {
  /** When the line was cut (YYYY-MM-DD), for long-term support. */
  cutDate: string | null;
}

/**
 * The supported lines: the newest `supportedLines` lines (a line counts once, on its newest
 * branch), plus long-term lines (every `ltsEvery`th line number: N of N.x, M of 0.M.x) for
 * `ltsMonths` months after their cut. Newest first.
 */
export function supportedLines(lines: LineInfo[], options: ReleaseTrainOptions, today: string): LineInfo[] {
  const newest = newestPerLine(lines);
  const out = newest.slice(0, Math.max(0, options.supportedLines));
  if (options.ltsEvery > 0 && options.ltsMonths > 0) {
    for (const line of newest.slice(out.length)) {
      if (lineNumber(line.line) % options.ltsEvery !== 0 || !line.cutDate) continue;
      if (monthsBetween(line.cutDate, today) < options.ltsMonths) out.push(line);
    }
  }
  return out;
}

/** One branch per line (its newest), newest line first: what support counts and ranks. */
export function newestPerLine<T extends LineInfo>(lines: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const l of [...lines].sort((a, b) => semver.rcompare(a.version, b.version))) if (!newest.has(l.line)) newest.set(l.line, l);
  return [...newest.values()].sort((a, b) => compareLines(b.line, a.line));
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** Resolves a target to the lines to patch, refusing unknown, ambiguous and unsupported lines. */
export function selectLines(target: PatchTarget, all: LineInfo[], supported: LineInfo[], force: boolean): LineInfo[] {
  if (target.kind === 'supported') {
    if (supported.length === 0) throw new ReleaseError('no supported release line exists', 'cut a release first with `nx release-major`');
    return supported;
  }
  if (target.kind === 'latest') {
    const newest = [...all].sort((a, b) => semver.rcompare(a.version, b.version))[0];
    if (!newest) throw new ReleaseError('no release line exists', 'cut a release first with `nx release-major`');
    return [newest];
  }
  const { selector } = target;
  const matches = matchSelector(selector, all);
  if (matches.length === 0) {
    throw new ReleaseError(
      `there is no ${selector.prefix ? lineLabel(selector.prefix.join('.')) : selector.input} release line; existing lines: ${describeBranches(all)}`,
      'name one of the existing lines',
    );
  }
  if (matches.length > 1) {
    throw new ReleaseError(
      `--target=${selector.input} is ambiguous: it matches ${describeBranches(matches)}`,
      `name exactly one, e.g. --target=${new Set(matches.map((m) => m.line)).size === matches.length ? lineLabel(matches[0].line) : matches[0].name}`,
    );
  }
  const [line] = matches;
  if (!force && !supported.some((l) => l.name === line.name)) {
    throw new ReleaseError(
      `${lineLabel(line.line)} is not supported; supported lines: ${describeBranches(supported)}`,
      `patch a supported line, or pass --force to patch ${line.name} anyway`,
    );
  }
  return [line];
}
