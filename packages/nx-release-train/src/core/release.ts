/**
 * Pure release-train decisions around git: branch and tag names, which release branches
 * exist and which is newest, commit messages, and what a rerun finds.
 */
import semver from 'semver';
import { fillPattern, type ReleaseTrainOptions } from './settings/options';
import { patternGlob, versionInName } from './settings/pattern';
import { releaseVersionOf } from './version/prerelease';
import { releaseLines, type ReleaseBranch } from './release-line';

export { ReleaseError } from './errors';
export type { ReleaseBranch } from './release-line';
export { carriesMarker, commitMessage, subjectOf } from './commit-message';

export function branchGlob(options: ReleaseTrainOptions): string {
  return patternGlob(options.branchPattern);
}

/** The branch of a release line, named after its release (`release-49.0.0`, never `-dev`). */
export function releaseBranchName(options: ReleaseTrainOptions, version: string): string {
  return fillPattern(options.branchPattern, releaseVersionOf(version));
}

/**
 * Release branches among branch names, newest first, each on its release line: the line is
 * read from all the names given together (release-line.ts, `releaseLines`), so pass every
 * release branch when the line matters.
 */
export function releaseBranches(names: Iterable<string>, options: ReleaseTrainOptions): ReleaseBranch[] {
  const found = new Map<string, string>();
  for (const name of names) {
    const version = versionInName(options.branchPattern, name);
    if (version && semver.valid(version)) found.set(name, version);
  }
  const lines = releaseLines([...found.values()]);
  return [...found]
    .map(([name, version]) => ({ name, version, major: semver.major(version), line: lines.get(version)! }))
    .sort((a, b) => semver.rcompare(a.version, b.version));
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}
