/**
 * Reruns of `release-patch`: a line whose tip is already this tool's release commit (left by a
 * completed run, a failed push, or a kill after the refs moved) is finished (pushed) instead of
 * being bumped again, and a line whose release was merged (as it is, squashed, or by a merge
 * commit) with nothing after it needs nothing, so a version is released once. A working tree
 * left behind by a kill is finished by steps/checkout.
 */
import { isPatchVersion, isReleaseCommit, isSquashedReleaseCommit, lineVersionFix, lineVersionProblem } from '../../core/release-line';
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
  const onRemote = branch.remote !== null && (await ctx.git.isAncestor(tip, branch.remote));
  const shape = await mergedShape(ctx, tip, version);
  if (shape && onRemote) {
    ctx.log.info(
      `nothing to do on ${branch.name}: ${version} is released (${tip.slice(0, 12)}${shape === 'own' ? '' : `, ${shape}`} is on ${ctx.options.remote}/${branch.name}); land a fix on the branch first`,
    );
    return { branch, tip, version, merged: true };
  }
  return shape === 'own' ? { branch, tip, version, merged: false } : null;
}

/**
 * How the release of `version` sits at `tip`, whatever way its pull request was merged: the
 * train's own commit, GitHub's squash of it (`Release ... (#N)`), or a merge commit whose
 * second parent is it and which adds nothing else (same tree). Null: something came after.
 */
async function mergedShape(ctx: Train, tip: string, version: string): Promise<'own' | 'squashed' | 'a merge of it' | null> {
  const git = ctx.git;
  const message = await git.commitMessage(tip);
  if (isReleaseCommit(message, version, ctx.options)) return 'own';
  if (isSquashedReleaseCommit(message, version, ctx.options)) return 'squashed';
  const merged = await git.resolve(`${tip}^2`);
  if (!merged) return null;
  const mergedMessage = await git.commitMessage(merged);
  const release = isReleaseCommit(mergedMessage, version, ctx.options) || isSquashedReleaseCommit(mergedMessage, version, ctx.options);
  const tree = (rev: string) => git.out(['rev-parse', `${rev}^{tree}`]);
  return release && (await tree(tip)) === (await tree(merged)) ? 'a merge of it' : null;
}

/** Says what is left of a prepared release (the commit at the tip, not merged yet). */
export async function finishPrepared(ctx: Train, p: Prepared): Promise<void> {
  const git = ctx.git;
  const review = releaseReviewBranch(ctx, p.version);
  const what = `${p.branch.name} already holds the release commit of ${p.version} (${p.tip.slice(0, 12)})`;
  if (ctx.push) ctx.log.info(`${what}; ${ctx.dryRun ? 'would propose' : 'proposed'} it as ${ctx.options.remote}/${review} instead of bumping again`);
  else if ((await git.resolve(`refs/remotes/${ctx.options.remote}/${review}`)) === p.tip)
    ctx.log.info(`${what}, already pushed to ${ctx.options.remote}/${review}: merge its pull request`);
  else ctx.log.info(`${what}, not pushed yet: pass --push to send it to ${review} for review`);
}
