/**
 * Reruns of `release-patch`: a line whose tip is already this tool's release commit (left by a
 * completed run, a failed push, or a kill after the refs moved) is finished (pushed, the
 * working tree brought along) instead of being bumped again, so a version is released once.
 */
import { isPatchVersion, isReleaseCommit, lineVersionFix, lineVersionProblem } from '../../core/release-line';
import { ReleaseError } from '../../core/release';
import { releaseReviewBranch } from './apply';
import type { KnownBranch } from './branches';
import type { Train } from './train';
import { currentVersion, type Snapshot } from './snapshot';

export interface Prepared {
  branch: KnownBranch;
  tip: string;
  version: string;
  /** The release commit is on the remote's release branch: the line is released. */
  merged: boolean;
}

/**
 * Checks that the line's version belongs to its branch (refused otherwise, naming both), and
 * returns the release already prepared at its tip, if any.
 */
export async function inspectLine(ctx: Train, branch: KnownBranch, tip: string, snap: Snapshot): Promise<Prepared | null> {
  const version = currentVersion(snap);
  const mismatch = lineVersionProblem(branch, version);
  if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(branch));
  if (!isPatchVersion(branch, version)) return null;
  if (!isReleaseCommit(await ctx.git.commitMessage(tip), version, ctx.options)) return null;
  const merged = branch.remote !== null && (await ctx.git.isAncestor(tip, branch.remote));
  if (merged) {
    ctx.log.info(
      `nothing to do on ${branch.name}: ${version} is released (${tip.slice(0, 12)} is on ${ctx.options.remote}/${branch.name}); land a fix on the branch first`,
    );
  }
  return { branch, tip, version, merged };
}

/** Says what is left of a prepared release and, if the run was killed before it, brings the checkout along. */
export async function finishPrepared(ctx: Train, p: Prepared): Promise<void> {
  const git = ctx.git;
  const review = releaseReviewBranch(ctx, p.version);
  const what = `${p.branch.name} already holds the release commit of ${p.version} (${p.tip.slice(0, 12)})`;
  if (ctx.push) ctx.log.info(`${what}; ${ctx.dryRun ? 'would propose' : 'proposed'} it as ${ctx.options.remote}/${review} instead of bumping again`);
  else if ((await git.resolve(`refs/remotes/${ctx.options.remote}/${review}`)) === p.tip)
    ctx.log.info(`${what}, already pushed to ${ctx.options.remote}/${review}: merge its pull request`);
  else ctx.log.info(`${what}, not pushed yet: pass --push to send it to ${review} for review`);
  if (ctx.dryRun || (await git.currentBranch()) !== p.branch.name) return;
  const parent = await git.resolve(`${p.tip}^`);
  if (!parent) return;
  const [index, parentTree, tipTree] = [
    await git.out(['write-tree']),
    await git.out(['rev-parse', `${parent}^{tree}`]),
    await git.out(['rev-parse', `${p.tip}^{tree}`]),
  ];
  if (index === parentTree && index !== tipTree) {
    await git.moveWorktree(parent, p.tip);
    ctx.log.info(`the working tree of ${p.branch.name} was left behind by an interrupted run; brought it to ${p.tip.slice(0, 12)}`);
  }
}
