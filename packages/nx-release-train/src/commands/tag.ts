/**
 * `nx release-tag`: CI runs it after a green build. On a release branch whose HEAD carries
 * the marker, tag the workspace version; anywhere else say why no tag was made and succeed.
 */
import { fillPattern } from '../core/options';
import { carriesMarker, ReleaseError, releaseBranches, subjectOf } from '../core/release';
import { Git } from '../effects/git';
import type { CommandContext } from './context';
import { requireRepo } from './preflight';
import { lineVersionFix, lineVersionProblem } from '../core/release-line';
import { currentVersion, snapshot } from './snapshot';

export interface TagResult {
  tag: string | null;
  reason: string;
}

export async function releaseTag(ctx: CommandContext, branchOverride?: string): Promise<TagResult> {
  const git = new Git(ctx.root);
  await requireRepo(git);
  // CI checks out a detached HEAD; it names the branch (e.g. GITHUB_REF_NAME) through --branch.
  const branch = branchOverride ?? (await git.currentBranch());
  const [release] = branch ? releaseBranches([branch], ctx.options) : [];
  if (!branch || !release) {
    return skip(ctx, `${branch ? `"${branch}"` : 'a detached HEAD'} is not a release branch (${ctx.options.branchPattern})`);
  }
  const head = (await git.resolve('HEAD'))!;
  const message = await git.commitMessage(head);
  if (!carriesMarker(message, ctx.options.marker)) {
    return skip(ctx, `HEAD ${head.slice(0, 12)} ("${subjectOf(message)}") does not carry ${ctx.options.marker}`);
  }
  const version = currentVersion(await snapshot(git, head, ctx.options));
  const mismatch = lineVersionProblem(release, version);
  if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(release));
  const tag = fillPattern(ctx.options.tagPattern, version);
  const existing = await git.resolve(`refs/tags/${tag}`);
  if (existing === head) {
    ctx.log.info(`tag ${tag} already points at ${head.slice(0, 12)}`);
  } else if (existing) {
    throw new ReleaseError(`tag ${tag} already exists at ${existing.slice(0, 12)}, not at HEAD ${head.slice(0, 12)}`, `a version is released once; bump the version (nx release-patch) instead of moving ${tag}`);
  } else if (ctx.dryRun) {
    ctx.log.info(`[dry run] would tag ${head.slice(0, 12)} on ${branch} as ${tag}`);
    return { tag, reason: 'dry run' };
  } else {
    await git.tag(tag, head, `${fillPattern(ctx.options.releaseTitle, version)}\n`);
    ctx.log.info(`tagged ${head.slice(0, 12)} on ${branch} as ${tag}`);
  }
  if (ctx.push && !ctx.dryRun) {
    await git.push(ctx.options.remote, [`refs/tags/${tag}:refs/tags/${tag}`]);
    ctx.log.info(`pushed ${tag} to ${ctx.options.remote}`);
  }
  return { tag, reason: 'tagged' };
}

function skip(ctx: CommandContext, reason: string): TagResult {
  ctx.log.info(`no tag: ${reason}`);
  return { tag: null, reason };
}
