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
 * - published pre-releases (setting `prereleaseIdentifiers`, e.g. alpha, beta): a version
 *   `X.Y.Z-<id>.N` that is published as it is, main included (alphas from main). The next one
 *   counts up (`-alpha.1` -> `-alpha.2`), release day drops the suffix, and a cut moves main to
 *   `X+1.0.0-<id>.0`, the next series of the same identifier.
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
  /** Numbered pre-release identifiers published besides candidates, earliest first (`alpha`, `beta`). */
  prereleaseIdentifiers?: readonly string[];
}

export type Stage =
  /** `X.Y.Z`: released (or a classic main / classic release branch). */
  | { kind: 'final' }
  /** `X.Y.Z-<devSuffix>`: today's main, or a branch cut without candidates. */
  | { kind: 'dev' }
  /** `X.Y.Z-<candidateSuffix>.N`. */
  | { kind: 'candidate'; n: number }
  /** `X.Y.Z-<id>.N`, `id` one of the setting prereleaseIdentifiers (a published alpha, beta...). */
  | { kind: 'pre'; id: string; n: number }
  /** Not valid semver, or a pre-release the settings do not describe. */
  | { kind: 'unknown' };

export function stageOf(version: string, settings: PrereleaseSettings): Stage {
  const v = semver.parse(version);
  if (!v) return { kind: 'unknown' };
  const pre = v.prerelease.map(String);
  if (pre.length === 0) return { kind: 'final' };
  if (pre.length === 1 && pre[0] === settings.devSuffix) return { kind: 'dev' };
  if (pre.length === 2 && pre[0] === settings.candidateSuffix && /^[1-9]\d*$/.test(pre[1])) return { kind: 'candidate', n: Number(pre[1]) };
  // Series of the other identifiers may start at .0 (`0.8.0-alpha.0`), as semver.inc starts them.
  if (pre.length === 2 && pre[0] !== settings.candidateSuffix && settings.prereleaseIdentifiers?.includes(pre[0]) && /^(0|[1-9]\d*)$/.test(pre[1]))
    return { kind: 'pre', id: pre[0], n: Number(pre[1]) };
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
    case 'pre':
      return `at pre-release ${stage.id}.${stage.n}`;
    default:
      return 'of an unknown shape';
  }
}

/** Same train position on two lines (49.0.0-rc.2 and 0.136.0-rc.2 agree; -dev and plain do not). */
export function sameStage(a: Stage, b: Stage): boolean {
  // Same kind, and for numbered kinds the same word and number (kinds without them compare undefined).
  const [x, y] = [a as { kind: string; id?: string; n?: number }, b as { kind: string; id?: string; n?: number }];
  return x.kind === y.kind && x.id === y.id && x.n === y.n;
}

/** True for a version that is not a release yet (development, candidate, published pre-release). */
export function isPrerelease(stage: Stage): boolean {
  return stage.kind === 'dev' || stage.kind === 'candidate' || stage.kind === 'pre';
}

/** What a version may carry after the `-`, for messages. */
export function knownShapes(settings: PrereleaseSettings): string {
  const numbered = [...(settings.prereleaseIdentifiers ?? []), ...(settings.candidates ? [settings.candidateSuffix] : [])];
  const shapes = ['X.Y.Z', `X.Y.Z-${settings.devSuffix}`, ...numbered.map((id) => `X.Y.Z-${id}.N`)];
  return `${shapes.slice(0, -1).join(', ')} or ${shapes.at(-1)}`;
}

export type Step = { to: string } | { error: string; fix: string };

/**
 * 'major'     the cut of main: X.Y.Z -> X+1.0.0; X.Y.Z-dev -> X+1.0.0-dev (0.M lines move the minor);
 *             X.Y.Z-alpha.N -> X+1.0.0-alpha.0 (a published identifier starts its next series).
 * 'candidate' the next pre-release: X.Y.Z-dev -> X.Y.Z-rc.1; -rc.N -> -rc.N+1; -alpha.N -> -alpha.N+1.
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
          fix: `write ${knownShapes(settings)} (settings devSuffix "${settings.devSuffix}", candidateSuffix "${settings.candidateSuffix}"), or name the identifier in the setting prereleaseIdentifiers in nx.json (e.g. ["alpha", "beta"]) when such versions are published`,
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
      if (stage.kind === 'pre') return { to: `${next}-${stage.id}.0` };
      return { to: stage.kind === 'dev' ? `${next}-${settings.devSuffix}` : next };
    }
    case 'candidate':
      if (stage.kind === 'dev') return { to: `${base}-${settings.candidateSuffix}.1` };
      if (stage.kind === 'candidate') return { to: `${base}-${settings.candidateSuffix}.${stage.n + 1}` };
      if (stage.kind === 'pre') return { to: `${base}-${stage.id}.${stage.n + 1}` };
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
  const ids = settings.prereleaseIdentifiers ?? [];
  const bad = ids.find((id) => typeof id !== 'string' || !/^[0-9A-Za-z-]*[A-Za-z-][0-9A-Za-z-]*$/.test(id) || id === settings.devSuffix);
  if (bad !== undefined)
    out.push({
      setting: 'prereleaseIdentifiers',
      message: `setting "prereleaseIdentifiers" has ${JSON.stringify(bad)}, ${bad === settings.devSuffix ? 'the never-published devSuffix' : 'not a pre-release word'}`,
      fix: 'list published pre-release words (letters, digits and "-", at least one letter) other than devSuffix, e.g. ["alpha", "beta"]',
    });
  // The order is semver's: 1.0.0-alpha.9 < 1.0.0-beta.1 < 1.0.0-rc.1, so a later word never sorts below an earlier one.
  const unordered = bad === undefined ? ids.findIndex((id, i) => i > 0 && semver.compare(`1.0.0-${ids[i - 1]}.1`, `1.0.0-${id}.1`) >= 0) : -1;
  if (unordered > 0)
    out.push({
      setting: 'prereleaseIdentifiers',
      message: `setting "prereleaseIdentifiers" lists "${ids[unordered]}" after "${ids[unordered - 1]}", but semver sorts 1.0.0-${ids[unordered]}.1 first`,
      fix: `list the words in the order semver sorts them (earliest first), e.g. [${[...ids]
        .sort((a, b) => semver.compare(`1.0.0-${a}.1`, `1.0.0-${b}.1`))
        .map((id) => `"${id}"`)
        .join(', ')}]`,
    });
  return out;
}
