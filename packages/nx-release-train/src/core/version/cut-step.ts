/**
 * A cut's arithmetic at each level. `major` is the train's own step (prerelease.ts: X.Y.Z ->
 * X+1.0.0, a 0.M line -> 0.(M+1).0); `minor` moves the minor (1.256.0 -> 1.257.0, 0.256.0 ->
 * 0.257.0: on a 0.x line a minor is its breaking step, as in a major) and `patch` the patch.
 * Every level keeps what the train does with pre-release suffixes (a `-dev` main stays `-dev`)
 * and refuses what it refuses (a candidate on the branch a cut starts from): the major step
 * decides that, and the level only changes the numbers.
 */
import semver from 'semver';
import { releaseVersionOf, stepVersion, type PrereleaseSettings, type Step } from './prerelease';
import type { CutLevel } from './line-moves';

export function cutStep(version: string, level: CutLevel, settings: PrereleaseSettings): Step {
  const major = stepVersion(version, 'major', settings);
  if ('error' in major || level === 'major') return major;
  const suffix = major.to.slice(releaseVersionOf(major.to).length);
  return { to: `${semver.inc(releaseVersionOf(version), level)!}${suffix}` };
}
