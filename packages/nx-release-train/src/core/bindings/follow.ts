/**
 * How a binding repository follows the releases (setting `bindings.repos[].follows`), and what
 * release-bindings does with it: the gap from the version the repository is on now to the
 * release (`dotnet: 34.0.1 → 49.0.0, 15 majors`), said before anything is proposed; a repository
 * that follows by hand is proposed only when named with --only; one that follows LTS releases
 * only, only for an LTS major (setting `ltsEvery`); a jump across more majors than
 * `bindings.maxMajorJump` only with --force; a repository ahead of the release never.
 */
import * as semver from 'semver';
import type { CurrentVersion } from './current';

export type Follows = 'every' | 'lts' | 'manual';

export interface FollowInput {
  repo: string;
  follows: Follows;
  current: CurrentVersion;
  target: string;
  maxMajorJump: number;
  /** Every Nth major is LTS (setting `ltsEvery`; 0: none). */
  ltsEvery: number;
  force: boolean;
  /** Named with --only. */
  named: boolean;
}

export interface FollowDecision {
  /** `dotnet: 34.0.1 → 49.0.0, 15 majors`. */
  gap: string;
  propose: boolean;
  /** Why not, with the way to propose it anyway. */
  reason?: string;
}

const majorsText = (n: number) => `${n} major${n === 1 ? '' : 's'}`;

export function followDecision(i: FollowInput): FollowDecision {
  const targetMajor = semver.major(i.target);
  const majors = i.current.major === null ? null : targetMajor - i.current.major;
  const from = i.current.version ?? (i.current.major !== null ? `v${i.current.major}` : 'an unknown version');
  const distance =
    majors === null ? 'its version is not read by any rule' : majors === 0 ? 'same major' : majorsText(Math.abs(majors)) + (majors < 0 ? ' ahead' : '');
  const gap = `${i.repo}: ${from} → ${i.target}, ${distance}`;
  const no = (reason: string): FollowDecision => ({ gap, propose: false, reason });
  const ahead = i.current.version ? semver.gt(i.current.version, i.target) : majors !== null && majors < 0;
  if (ahead) return no(`already ahead of ${i.target}`);
  if (i.follows === 'manual' && !i.named) {
    return no(`follows by hand (follows: manual); name it with --only=${i.repo} to propose ${i.target}`);
  }
  if (i.follows === 'lts' && !(i.ltsEvery > 0 && targetMajor % i.ltsEvery === 0)) {
    return no(
      i.ltsEvery > 0
        ? `follows LTS releases only (follows: lts); ${targetMajor} is not one (every ${i.ltsEvery}th major)`
        : 'follows LTS releases only (follows: lts), but the setting ltsEvery names none',
    );
  }
  if (majors !== null && majors > i.maxMajorJump && !i.force) {
    return no(`${majorsText(majors)} behind, more than bindings.maxMajorJump (${i.maxMajorJump}); rerun with --force to propose the jump`);
  }
  return { gap, propose: true };
}
