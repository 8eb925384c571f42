/**
 * `nx release-latest [--target=48.x]`: on the newest release branch (or the line named: the
 * release day of an older line; read from git objects, never checked out), the top
 * `Unreleased.` becomes `Released <date>.`, committed with the marker so CI tags it. A line
 * still in release candidates (X.0.0-rc.N) or at X.0.0-dev drops the suffix in the same
 * commit. A rerun on an already dated branch changes nothing and says so.
 */
import type { ReleaseLatestFlags } from '../core/flags/release-latest';
import { fillPattern } from '../core/settings/pattern';
import { carriesMarker, commitMessage, ReleaseError, subjectOf } from '../core/release';
import { lineVersionFix, lineVersionProblem } from '../core/release-line';
import { githubForPush, type GitHubPush } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import type { Services } from './services';
import { buildCommit, describePlan, movedLines, onReleaseMerge, releaseReviewBranch } from './steps/apply';
import { requireReleaseBranches, workTip } from './steps/branches';
import { checkoutGuard, finishInterruptedFollow, follow } from './steps/checkout';
import { proposeAll, proposedCommit, type Proposal } from './steps/propose';
import { requireRepo } from './steps/repo-checks';
import { currentVersion, planAt, snapshot } from './steps/snapshot';
import { trainOf, type Train } from './steps/train';
import { checkDate, lineOf, resolveTrain, type TrainRequest, trainReads } from './train-request';
import { parsePatchTarget, selectLines } from '../core/patch-target';

export interface ReleaseDayResult {
  branch: string;
  version: string;
  commit: string | null;
}

/** Release day on the newest line (or the one `--target` names); `releaseLatest` adds the summary line. */
async function datedRelease(ctx: Train, req: ReleaseLatestRequest, date: string): Promise<ReleaseDayResult> {
  const parsed = req.target === undefined ? { kind: 'latest' as const } : parsePatchTarget(req.target, ctx.options);
  if (parsed.kind === 'supported')
    throw new ReleaseError('--target=supported names several lines; release day is for one line', 'name the line, e.g. --target=48.x (default: the newest)');
  const git = ctx.git;
  await requireRepo(git);
  const gh = ctx.push && !ctx.dryRun ? await githubForPush(req.github, git, ctx.options.remote) : null;
  await finishInterruptedFollow(ctx);
  const branches = await requireReleaseBranches(ctx);
  const lines = branches.map((b) => ({ name: b.name, version: b.version, major: b.major, line: b.line, cutDate: null }));
  const [line] = selectLines(parsed, lines, lines, true);
  const newest = branches.find((b) => b.name === line.name)!;
  const tip = await workTip(ctx, newest);
  const snap = await snapshot(git, tip, ctx.options);
  const mismatch = lineVersionProblem(newest, currentVersion(snap));
  if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(newest));
  const thePlan = planAt(snap, ctx.options, 'release', date);
  // A line still in candidates (or at -dev) is released by dropping the suffix.
  const from = currentVersion(snap);
  const version = thePlan.primary?.to ?? from;
  const title = fillPattern(ctx.options.releaseTitle, version);
  if (thePlan.edits.length === 0) {
    ctx.log.info(`nothing to do: ${ctx.options.releasesFile} on ${newest.name} has no "Unreleased." in its top section (${version} is already dated)`);
    // A rerun after the commit was made here: make sure it is proposed (or already merged).
    const message = await git.commitMessage(tip);
    if (gh && subjectOf(message) === title && carriesMarker(message, ctx.options.marker)) await propose(ctx, gh, newest.name, version, date, tip);
    return { branch: newest.name, version, commit: null };
  }
  await describePlan(
    ctx,
    thePlan,
    `${ctx.dryRun ? '[dry run] ' : ''}release ${version}${from !== version ? ` (from ${from})` : ''} on ${newest.name} (${tip.slice(0, 12)}), dated ${date}`,
  );
  if (ctx.dryRun) return { branch: newest.name, version, commit: null };

  const built = await buildCommit(ctx, tip, thePlan.edits, commitMessage(title, ctx.options.marker));
  const move = await checkoutGuard(ctx, newest.name, built);
  // Proposed before the local branch moves: if the push or the pull request fails, a rerun
  // builds the same change and finds it (and moves to the commit already pushed).
  const commit = gh ? await propose(ctx, gh, newest.name, version, date, built, movedLines(thePlan)) : built;
  await git.updateRefs([{ ref: `refs/heads/${newest.name}`, to: commit, from: newest.local }], `nx release-latest: ${title}`);
  const followed = await follow(ctx, move && { ...move, to: commit });
  ctx.log.info(`committed "${title}" on ${newest.name} (${commit.slice(0, 12)})${followed ? '; working tree updated' : ''}`);
  return { branch: newest.name, version, commit };
}

async function propose(
  ctx: Train,
  gh: GitHubPush,
  branch: string,
  version: string,
  date: string,
  commit: string,
  lines: Proposal['lines'] = [],
): Promise<string> {
  const review = releaseReviewBranch(ctx, version);
  const proposed = await proposeAll(ctx, gh, 'nx release-latest --push', [
    {
      branch: review,
      base: branch,
      commit,
      title: fillPattern(ctx.options.releaseTitle, version),
      summary: `Release day for ${version}: the top section of ${ctx.options.releasesFile} on ${branch} becomes "Released ${date}."`,
      lines,
      onMerge: onReleaseMerge(ctx, branch, version),
    },
  ]);
  return proposedCommit(proposed, review, commit);
}

export interface ReleaseLatestRequest extends TrainRequest {
  /** The release date; default: today (the clock's). */
  date: string | undefined;
  /** The line (`--target=48.x`, release day of an older line); default: the newest. */
  target: string | undefined;
}

export function resolveReleaseLatest({ flags, options, env }: CommandInput<ReleaseLatestFlags>): ReleaseLatestRequest {
  return { ...resolveTrain(flags, options, env), date: checkDate(flags.date), target: lineOf(flags, env) };
}

export async function releaseLatest(req: ReleaseLatestRequest, services: Services): Promise<ReleaseDayResult> {
  const ctx = trainOf(req, services);
  const result = await datedRelease(ctx, req, req.date ?? services.clock.today());
  ctx.log.info(`\nsummary: ${result.version} on ${result.branch}: ${result.commit ? `committed ${result.commit.slice(0, 12)}` : 'no commit'}`);
  return result;
}

export const releaseLatestCommand: Command<ReleaseLatestFlags, ReleaseLatestRequest, ReleaseDayResult> = {
  name: 'release-latest',
  resolve: resolveReleaseLatest,
  env: ({ flags, options }) => trainReads('release-latest', flags, options),
  run: releaseLatest,
};
