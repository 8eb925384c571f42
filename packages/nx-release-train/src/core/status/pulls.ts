/**
 * Which open pull requests belong to the train: their head is one of its review branches
 * (bump, candidate, release-day/patch), read back through the branch-name settings.
 */
import semver from 'semver';
import type { ReleaseTrainOptions } from '../settings/options';
import { versionInName } from '../settings/pattern';
import type { PullKind } from './types';

function versionIn(pattern: string, name: string): string | null {
  const version = versionInName(pattern, name);
  return version && semver.valid(version) ? version : null;
}

/** The kind of a train pull request from its head branch, or null when it is not the train's. */
export function pullKind(
  head: string,
  options: Pick<ReleaseTrainOptions, 'bumpBranchPattern' | 'rcReviewBranchPattern' | 'releaseReviewBranchPattern'>,
): PullKind | null {
  if (versionIn(options.bumpBranchPattern, head)) return 'bump';
  if (versionIn(options.rcReviewBranchPattern, head)) return 'candidate';
  const release = versionIn(options.releaseReviewBranchPattern, head);
  if (release) return semver.patch(release) === 0 && semver.prerelease(release) === null ? 'release' : 'patch';
  return null;
}
