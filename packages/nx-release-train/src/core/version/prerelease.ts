/**
 * Pre-release versions of the release train (SPEC §1b). Two train shapes share one tool:
 *
 * - classic: main carries a plain `X.0.0`; the cut branches it as is and main moves to
 *   `X+1.0.0`; release day only dates RELEASES.md.
 * - today's: main carries `X.0.0-<devSuffix>` (never published); the cut names the branch
 *   after `X.0.0`, main moves to `X+1.0.0-<devSuffix>`, and (with candidates on) the release
 *   branch gets `X.0.0-<candidateSuffix>.1`; further candidates count up; release day drops
 *   the suffix.
 *
 * Which shape applies is read from the versions themselves, so one `main` serves release
 * branches of either shape. Anything else after the `-` is refused rather than guessed.
 */
import * as semver from 'semver';

/** The settings this module reads (a slice of ReleaseTrainOptions). */
export interface PrereleaseSettings {
  devSuffix: string;
  candidates: boolean;
  candidateSuffix: string;
}

export type Stage =
  /** `X.Y.Z`: released (or a classic main / classic release branch). */
  | { kind: 'final' }
  /** `X.Y.Z-<devSuffix>`: today's main, or a branch cut without candidates. */
  | { kind: 'dev' }
  /** `X.Y.Z-<candidateSuffix>.N`. */
  | { kind: 'candidate'; n: number }
  /** Not valid semver, or a pre-release the settings do not describe. */
  | { kind: 'unknown' };

export function stageOf(version: string, settings: PrereleaseSettings): Stage {
  const v = semver.parse(version);
  if (!v) return { kind: 'unknown' };
  const pre = v.prerelease.map(String);
  if (pre.length === 0) return { kind: 'final' };
  if (pre.length === 1 && pre[0] === settings.devSuffix) return { kind: 'dev' };
  if (pre.length === 2 && pre[0] === settings.candidateSuffix && /^[1-9]\d*$/.test(pre[1])) return { kind: 'candidate', n: Number(pre[1]) };
  return { kind: 'unknown' };
}

/** `X.Y.Z` without pre-release or build metadata: what branches, headings and archive lines are named after. */
export function releaseVersionOf(version: string): string {
  return version.replace(/[-+].*$/, '');
}

export function describeStage(stage: Stage): string {
  switch (stage.kind) {
    case 'final':
      return 'released';
    case 'dev':
      return 'in development';
    case 'candidate':
      return `at release candidate ${stage.n}`;
    default:
      return 'of an unknown shape';
  }
}

/** Same train position on two lines (49.0.0-rc.2 and 0.136.0-rc.2 agree; -dev and plain do not). */
export function sameStage(a: Stage, b: Stage): boolean {
  return a.kind === b.kind && (a.kind !== 'candidate' || a.n === (b as { n: number }).n);
}

/** What a version may carry after the `-`, for messages. */
export function knownShapes(settings: PrereleaseSettings): string {
  return `X.Y.Z, X.Y.Z-${settings.devSuffix}${settings.candidates ? ` or X.Y.Z-${settings.candidateSuffix}.N` : ''}`;
}

export type Step = { to: string } | { error: string; fix: string };

/**
 * 'major'     the cut of main: X.Y.Z -> X+1.0.0; X.Y.Z-dev -> X+1.0.0-dev (0.M lines move the minor).
 * 'candidate' the release branch's next candidate: X.Y.Z-dev -> X.Y.Z-rc.1; -rc.N -> -rc.N+1.
 * 'release'   release day: the suffix goes (-dev or -rc.N -> X.Y.Z); a plain version stays.
 * 'patch'     X.Y.Z -> X.Y.Z+1, only once released.
 */
export type TrainStep = 'major' | 'candidate' | 'release' | 'patch';

export function stepVersion(version: string, step: TrainStep, settings: PrereleaseSettings): Step {
  const stage = stageOf(version, settings);
  if (stage.kind === 'unknown') {
    return semver.valid(version)
      ? {
          error: `version "${version}" has a pre-release suffix the release train does not know`,
          fix: `write ${knownShapes(settings)} (settings devSuffix "${settings.devSuffix}", candidateSuffix "${settings.candidateSuffix}")`,
        }
      : { error: `version "${version}" is not valid semver`, fix: 'write MAJOR.MINOR.PATCH' };
  }
  const base = releaseVersionOf(version);
  const zeroLine = semver.major(base) === 0;
  switch (step) {
    case 'major': {
      if (stage.kind === 'candidate')
        return {
          error: `version "${version}" is a release candidate: candidates live on release branches, never on the branch a cut starts from`,
          fix: `set it to ${base}-${settings.devSuffix} (today's train) or ${base} (classic train) and commit, then cut`,
        };
      const next = semver.inc(base, zeroLine ? 'minor' : 'major')!;
      return { to: stage.kind === 'dev' ? `${next}-${settings.devSuffix}` : next };
    }
    case 'candidate':
      if (stage.kind === 'dev') return { to: `${base}-${settings.candidateSuffix}.1` };
      if (stage.kind === 'candidate') return { to: `${base}-${settings.candidateSuffix}.${stage.n + 1}` };
      return {
        error: `version "${version}" is already released: a candidate ${base}-${settings.candidateSuffix}.1 would sort below it`,
        fix: 'ship the change as a patch release (nx release-patch)',
      };
    case 'release':
      return { to: base };
    case 'patch':
      if (stage.kind === 'final') return { to: semver.inc(base, 'patch')! };
      return {
        error: `version "${version}" is ${describeStage(stage)}, not released: a patch comes after release day`,
        fix: 'release it first (nx release-latest)' + (stage.kind === 'candidate' ? ', or make another candidate (nx release-rc)' : ''),
      };
  }
}

/** Problems with the pre-release settings themselves (each names the setting and the fix). */
export function prereleaseSettingProblems(settings: PrereleaseSettings): Array<{ setting: string; message: string; fix: string }> {
  const out: Array<{ setting: string; message: string; fix: string }> = [];
  for (const setting of ['devSuffix', 'candidateSuffix'] as const) {
    const value = settings[setting];
    // One semver pre-release identifier, not numeric (a numeric one would compare as a number).
    if (typeof value === 'string' && !/^[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*$/.test(value))
      out.push({
        setting,
        message: `setting "${setting}" is "${value}", not a pre-release word`,
        fix: `use letters, digits and "-" with at least one letter (e.g. "${setting === 'devSuffix' ? 'dev' : 'rc'}")`,
      });
  }
  if (settings.devSuffix === settings.candidateSuffix)
    out.push({
      setting: 'candidateSuffix',
      message: `devSuffix and candidateSuffix are both "${settings.devSuffix}"`,
      fix: 'give them different values (e.g. "dev" and "rc")',
    });
  return out;
}
