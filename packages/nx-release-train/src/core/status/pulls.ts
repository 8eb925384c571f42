/**
 * Which open pull requests belong to the train: their head is one of its review branches
 * (bump, candidate, release-day/patch), read back through the branch-name settings.
 */
import semver from 'semver';
import type { ReleaseTrainOptions } from '../settings/options';
import type { PullKind } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VERSION = String.raw`(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)`;

function versionIn(pattern: string, name: string): string | null {
  if (!pattern.includes('{version}')) return null;
  const [before, after = ''] = pattern.split('{version}');
  const m = new RegExp(`^${escape(before)}${VERSION}${escape(after)}$`).exec(name);
  return m && semver.valid(m[1]) ? m[1] : null;
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
