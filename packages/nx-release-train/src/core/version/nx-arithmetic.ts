/**
 * `nx release` version arithmetic on the release train (issue 25, SPEC §8). Nx computes a new
 * version with node-semver's `inc` (`49.0.0-dev` + major → `49.0.0`, `--preid rc` → `rc.0`);
 * on the train that result would be silently wrong, so each keyword either takes the train's
 * step or is refused with the command that does what was meant. Explicit versions are taken
 * as given on the line they name; a line that follows another (the 0.x Cranelift line next to
 * the workspace line) moves by the step the explicit version is for that line.
 */
import * as semver from 'semver';
import { describeStage, releaseVersionOf, stageOf, stepVersion, type PrereleaseSettings, type Step, type TrainStep } from './prerelease';

/** The relative keywords `nx release` accepts (semver's ReleaseType). */
export const NX_KEYWORDS = ['major', 'minor', 'patch', 'premajor', 'preminor', 'prepatch', 'prerelease'] as const;

/** What each train step is called in `nx release` terms and in the train's own commands. */
const TRAIN_COMMANDS =
  'the cut is `nx release major` (or `nx release-major`), a candidate `nx release prerelease` (or `nx release-rc`), a fix `nx release patch` (or `nx release-patch`)';

/**
 * The new version for `nx release <input>` (a keyword or an explicit version) of a crate at
 * `current`. `preid` is Nx's `--preid` ('' when not given).
 */
export function nxNextVersion(current: string, input: string, preid: string, settings: PrereleaseSettings): Step {
  if (semver.valid(input)) return { to: input };
  if (!(NX_KEYWORDS as readonly string[]).includes(input))
    return { error: `"${input}" is neither a version nor one of ${NX_KEYWORDS.join(', ')}`, fix: 'give MAJOR.MINOR.PATCH or a keyword' };
  const stage = stageOf(current, settings);
  if (stage.kind === 'unknown') return stepVersion(current, 'major', settings); // says why, with the fix
  const base = releaseVersionOf(current);
  const release = `or give the version itself (nx release ${base})`;
  switch (input) {
    case 'major':
      return stepVersion(current, 'major', settings);
    case 'patch': {
      const step = stepVersion(current, 'patch', settings);
      // semver would answer X.0.0 (release day) to `patch` on X.0.0-rc.N: say so instead.
      return 'error' in step ? { error: step.error, fix: `${step.fix}, ${release}` } : step;
    }
    case 'prerelease':
      return candidate(current, preid, settings);
    case 'minor':
      return {
        error: `"minor" on ${current} (${describeStage(stage)}): the release train has no minor releases`,
        fix: `${TRAIN_COMMANDS}; ${release.replace(base, 'X.Y.Z')}`,
      };
    default:
      // premajor, preminor, prepatch: semver starts `-<preid>.0`, which the train never writes.
      return {
        error: `"${input}" on ${current} would write ${semver.inc(base, input as semver.ReleaseType, preid || settings.candidateSuffix)}, a pre-release the release train does not make`,
        fix: TRAIN_COMMANDS,
      };
  }
}

function candidate(current: string, preid: string, settings: PrereleaseSettings): Step {
  // A published pre-release (setting prereleaseIdentifiers) counts up in its own word.
  const stage = stageOf(current, settings);
  if (stage.kind === 'pre') {
    if (preid === '' || preid === stage.id) return stepVersion(current, 'candidate', settings);
    return {
      error: `--preid ${preid} on ${current}: the next pre-release of ${current} is ${stage.id}.${stage.n + 1}`,
      fix: `leave out --preid, or pass --preid ${stage.id}`,
    };
  }
  if (!settings.candidates)
    return {
      error: `"prerelease" on ${current}: release candidates are off (setting candidates)`,
      fix: 'set candidates to true, or release the version itself (nx release X.Y.Z)',
    };
  if (preid !== '' && preid !== settings.candidateSuffix)
    return {
      error: `--preid ${preid}: the train's candidates are ${releaseVersionOf(current)}-${settings.candidateSuffix}.N (setting candidateSuffix)`,
      fix: `leave out --preid, or pass --preid ${settings.candidateSuffix}`,
    };
  return stepVersion(current, 'candidate', settings);
}

const STEPS: readonly TrainStep[] = ['major', 'candidate', 'release', 'patch'];

/**
 * The version of a crate whose line follows `primaryFrom` (the version releases are named
 * after) when `nx release` gives the explicit version `version`. The crate's own line (a
 * version of the same kind: both 0.x or both not) takes it as given; otherwise the step that
 * takes `primaryFrom` to `version` is applied to `current` (6.0.0 on a workspace at 5.0.0
 * takes a 0.92.0 line to 0.93.0), and a version no train step reaches is refused.
 */
export function followLine(current: string, version: string, primaryFrom: string | null, settings: PrereleaseSettings): Step {
  const zero = (v: string) => semver.major(releaseVersionOf(v)) === 0;
  if (!semver.valid(current)) return stepVersion(current, 'major', settings);
  if (primaryFrom === null || zero(current) === zero(version)) return { to: version };
  for (const step of STEPS) {
    const primary = stepVersion(primaryFrom, step, settings);
    if ('to' in primary && primary.to === version && primary.to !== primaryFrom) return stepVersion(current, step, settings);
  }
  return {
    error: `${version} is not a train step from ${primaryFrom} (the major, a candidate, release day or a patch), so the line at ${current} cannot follow it`,
    fix: 'give this line its own version (nx release version <version> --groups <its group>), or use a keyword',
  };
}
