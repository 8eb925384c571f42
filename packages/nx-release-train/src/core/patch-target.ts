/**
 * Which release lines a patch goes to. Pure: the command-line target, the release branches
 * git knows, and the support policy in; the lines out, or a refusal that lists the choices.
 */
import { fillPattern, type ReleaseTrainOptions } from './options';
import { ReleaseError, type ReleaseBranch } from './release';

export type PatchTarget = { kind: 'latest' } | { kind: 'supported' } | { kind: 'major'; major: number };

/**
 * Accepted: `4.x`, `4`, `4.0.0`, `release-4.0.0` (per the branch pattern), `latest`, `supported`.
 * Anything else is refused here, before git is asked anything.
 */
export function parsePatchTarget(input: string, options: ReleaseTrainOptions): PatchTarget {
  const value = input.trim();
  if (value === 'latest') return { kind: 'latest' };
  if (value === 'supported') return { kind: 'supported' };
  let m = /^(\d{1,6})(?:\.x)?$/.exec(value) ?? /^(\d{1,6})\.\d{1,6}\.\d{1,6}$/.exec(value);
  if (!m) {
    const [before, after = ''] = options.branchPattern.split('{version}');
    if (value.startsWith(before) && value.endsWith(after)) {
      m = /^(\d{1,6})\.\d{1,6}\.\d{1,6}$/.exec(value.slice(before.length, value.length - after.length));
    }
  }
  if (!m) {
    throw new ReleaseError(
      `--target=${JSON.stringify(input)} is not a release line`,
      `name a line as 4.x, 4, 4.0.0 or ${fillPattern(options.branchPattern, '4.0.0')}, or use latest or supported`,
    );
  }
  return { kind: 'major', major: Number(m[1]) };
}

export interface LineInfo extends ReleaseBranch {
  /** When the line was cut (YYYY-MM-DD), for long-term support. */
  cutDate: string | null;
}

/**
 * The supported lines: the newest `supportedLines`, plus long-term lines (every `ltsEvery`th
 * major) for `ltsMonths` months after their cut. Newest first.
 */
export function supportedLines(lines: LineInfo[], options: ReleaseTrainOptions, today: string): LineInfo[] {
  const newest = [...lines].sort((a, b) => b.major - a.major);
  const out = newest.slice(0, Math.max(0, options.supportedLines));
  if (options.ltsEvery > 0 && options.ltsMonths > 0) {
    for (const line of newest.slice(out.length)) {
      if (line.major % options.ltsEvery !== 0 || !line.cutDate) continue;
      if (monthsBetween(line.cutDate, today) < options.ltsMonths) out.push(line);
    }
  }
  return out;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function describeLines(lines: ReleaseBranch[]): string {
  return lines.length === 0 ? '(none)' : lines.map((l) => `${l.major}.x (${l.name})`).join(', ');
}

/** Resolves a target to the lines to patch, refusing unknown and unsupported lines. */
export function selectLines(target: PatchTarget, all: LineInfo[], supported: LineInfo[], force: boolean): LineInfo[] {
  if (target.kind === 'supported') {
    if (supported.length === 0) throw new ReleaseError('no supported release line exists', 'cut a release first with `nx release-major`');
    return supported;
  }
  if (target.kind === 'latest') {
    const newest = [...all].sort((a, b) => b.major - a.major)[0];
    if (!newest) throw new ReleaseError('no release line exists', 'cut a release first with `nx release-major`');
    return [newest];
  }
  const line = all.find((l) => l.major === target.major);
  if (!line) {
    throw new ReleaseError(`there is no ${target.major}.x release line; existing lines: ${describeLines(all)}`, 'name one of the existing lines');
  }
  if (!force && !supported.some((l) => l.major === line.major)) {
    throw new ReleaseError(
      `${line.major}.x is not supported; supported lines: ${describeLines(supported)}`,
      'patch a supported line, or pass --force to patch this one anyway',
    );
  }
  return [line];
}
