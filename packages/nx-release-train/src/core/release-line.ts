/**
 * What a release branch holds, judged from its name, its version and its tip's message: a
 * version that does not belong to the branch is refused (never patched into another line),
 * and a tip that is already this tool's release commit is finished, not bumped again.
 */
import semver from 'semver';
import { fillPattern, type ReleaseTrainOptions } from './options';
import { carriesMarker, subjectOf, type ReleaseBranch } from './release';

/** Why `version` cannot be on `branch` (`release-4.0.0` holds 4.0.N); null: it belongs there. */
export function lineVersionProblem(branch: ReleaseBranch, version: string): string | null {
  const named = semver.parse(branch.version);
  const held = semver.parse(version);
  if (!named || !held) return `${branch.name} holds version ${version}, which is not a version X.Y.Z`;
  const sameLine = held.major === named.major && held.minor === named.minor && held.patch >= named.patch;
  return sameLine ? null : `${branch.name} holds version ${version}, not a ${named.major}.${named.minor}.x version of its line`;
}

/** The fix for a branch whose version does not match its name. */
export function lineVersionFix(branch: ReleaseBranch): string {
  return `a release branch carries its own line's version: check out ${branch.name} and correct the version in its manifests, or rename the branch after the version it holds`;
}

/** True when `message` is the release commit this tool writes for `version` (title + marker). */
export function isReleaseCommit(message: string, version: string, options: ReleaseTrainOptions): boolean {
  return subjectOf(message) === fillPattern(options.releaseTitle, version) && carriesMarker(message, options.marker);
}
