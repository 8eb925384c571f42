/**
 * `nx release-major`: on `main` at X.Y.Z, `release-X.Y.Z` is created at HEAD and main gets
 * one commit bumping every line to the next major. On a main at X.Y.Z-dev (today's train)
 * main goes to X+1.0.0-dev and, with candidates on, the release branch gets its first
 * candidate on top of the cut point. Refs move together or not at all.
 */
import type { ReleaseMajorFlags } from '../core/flags/release-major';
import { fillPattern } from '../core/settings/pattern';
import { commitMessage, ReleaseError, releaseBranchName, subjectOf } from '../core/release';
import { releaseVersionOf, stageOf, type VersionPlan } from '../core/version';
import { githubForPush, type GitHubPush } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import type { Services } from './services';
import { buildCommit, bumpBranch, describePlan, movedLines } from './steps/apply';
import { candidateProposal, commitCandidate, type CandidateCommit } from './steps/candidate';
import { proposeAll, type Proposal } from './steps/propose';
import { requireClean, requireIndexUnlocked, requireRepo } from './steps/repo-checks';
import { finishInterruptedFollow } from './steps/checkout';
import { currentVersion, planAt, snapshot } from './steps/snapshot';
import { trainOf, type Train } from './steps/train';
import { checkDate, nxDataDirs, resolveTrain, type TrainRequest, trainReads, NX_DATA_READS } from './train-request';

export interface CutResult {
  releaseBranch: string;
  version: string;
  nextVersion: string;
  bumpCommit: string | null;
  /** The first candidate committed on the release branch (today's train with candidates). */
  candidate: string | null;
  filesChanged: number;
}

/** The cut itself; `releaseMajor` adds the summary line. */
async function cut(ctx: Train, req: ReleaseMajorRequest): Promise<CutResult> {
  const git = ctx.git;
  // Asked first: git status walks the working tree while the rest is read.
  const status = git.status();
  status.catch(() => undefined); // awaited below; a refusal before then must not leave it unhandled
  await requireRepo(git);
  // Refused before anything moves: --push without a token, or without a GitHub repository.
  const gh = ctx.push && !ctx.dryRun ? await githubForPush(req.github, git, ctx.options.remote) : null;
  const mainBranch = ctx.options.mainBranch;
  const { branch, head, dirty } = await status;
  // A release branch a killed run left behind is finished whatever is cut (main: see finishInterrupted).
  if (branch !== mainBranch) await finishInterruptedFollow(ctx);
  if (branch !== mainBranch) {
    throw new ReleaseError(
      `release-major cuts from "${mainBranch}", but ${branch ? `"${branch}" is checked out` : 'HEAD is detached'}`,
      `git switch ${mainBranch} (or set the plugin option "mainBranch")`,
    );
  }
  if (head === null) throw new ReleaseError(`${mainBranch} has no commit yet`, 'commit the workspace, then run the command again');
  const snap = await snapshot(git, head, ctx.options);
  const version = currentVersion(snap);

  const finished = await finishInterrupted(ctx, gh, head, version, req);
  if (finished) return finished;
  await requireUpToDate(ctx, head);

  const release = releaseBranchName(ctx.options, version);
  const { local, remote } = await git.branches(release, ctx.options.remote);
  if (gh && !local.has(release) && remote.get(release) === head) return proposeAgain(ctx, gh, head, release, version, req);
  if (local.has(release) || remote.has(release)) {
    const where = [
      local.has(release) ? `locally at ${local.get(release)!.slice(0, 12)}` : null,
      remote.has(release) ? `on ${ctx.options.remote} at ${remote.get(release)!.slice(0, 12)}` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    throw new ReleaseError(
      `branch ${release} already exists ${where}, but ${mainBranch} is still at ${version}`,
      `if ${version} was already cut, bring ${mainBranch} up to date (git pull); if ${release} was made by mistake, delete it (git branch -D ${release})`,
    );
  }

  const thePlan = planAt(snap, ctx.options, 'major', undefined, req.level);
  const next = thePlan.primary?.to ?? version;
  await requireClean(git, { allowDirty: req.allowDirty, planned: thePlan.edits.map((e) => e.file), ignored: req.nxDataDirs, dirty });
  // The working tree follows main as the last step; what it needs is checked before refs move.
  await requireIndexUnlocked(git);
  await describePlan(ctx, thePlan, `${ctx.dryRun ? '[dry run] ' : ''}cut ${release} from ${mainBranch} at ${head.slice(0, 12)}; ${mainBranch} -> ${next}`);
  // Today's train: the release branch starts with its first candidate, on top of the cut point.
  const startsCandidates = ctx.options.candidates && stageOf(version, ctx.options).kind === 'dev';
  const first = startsCandidates ? await commitCandidate(ctx, snap, `first candidate on ${release}`) : null;
  const result = { releaseBranch: release, version, nextVersion: next, candidate: first?.version ?? null, filesChanged: thePlan.edits.length };
  if (ctx.dryRun) return { ...result, bumpCommit: null };

  const title = fillPattern(ctx.options.bumpTitle, releaseVersionOf(next));
  const bump = await buildCommit(ctx, head, thePlan.edits, commitMessage(title));
  await git.updateRefs(
    [
      { ref: `refs/heads/${release}`, to: first?.commit ?? head, from: null },
      { ref: `refs/heads/${mainBranch}`, to: bump, from: head },
    ],
    `nx release-major: ${title}`,
  );
  await git.moveWorktree(head, bump);
  ctx.log.info(
    `created ${release} at ${head.slice(0, 12)}` +
      (first?.commit ? ` with "${fillPattern(ctx.options.releaseTitle, first.version)}" on top (${first.commit.slice(0, 12)})` : '') +
      `; committed "${title}" on ${mainBranch} (${bump.slice(0, 12)})`,
  );
  if (gh) await pushCut(ctx, gh, { release, cutAt: head, bump, plan: thePlan, first });
  return { ...result, bumpCommit: bump };
}

/** A main behind (or diverged from) the remote's, as last fetched, would cut without what was merged there. */
async function requireUpToDate(ctx: Train, head: string): Promise<void> {
  const { remote, mainBranch } = ctx.options;
  const upstream = await ctx.git.resolve(`refs/remotes/${remote}/${mainBranch}`);
  if (!upstream || upstream === head || (await ctx.git.isAncestor(upstream, head))) return;
  const behind = await ctx.git.isAncestor(head, upstream);
  throw new ReleaseError(
    `${mainBranch} (${head.slice(0, 12)}) is ${behind ? 'behind' : 'diverged from'} ${remote}/${mainBranch} (${upstream.slice(0, 12)}): the cut would leave out what was merged there; nothing was changed`,
    behind
      ? `bring ${mainBranch} up to date (git pull --ff-only ${remote} ${mainBranch}), then run the command again`
      : `bring them together first (git pull --rebase ${remote} ${mainBranch}), then run the command again`,
  );
}

interface CutCommits {
  release: string;
  /** Where the release branch is cut (main's commit before the bump). */
  cutAt: string;
  bump: string;
  plan: VersionPlan;
  /** Today's train: the first candidate, on top of the cut point. */
  first: CandidateCommit | null;
}

/**
 * The cut's pull requests: the bump (review branch -> main) and, in today's train, the first
 * candidate (review branch -> the release branch), with the release branch pushed at the cut
 * point in the same atomic push (two pull requests, as Wasmtime's own process makes them).
 */
async function pushCut(ctx: Train, gh: GitHubPush, c: CutCommits): Promise<void> {
  const next = releaseVersionOf(c.plan.primary?.to ?? '');
  const version = releaseVersionOf(c.plan.primary?.from ?? '');
  const main = ctx.options.mainBranch;
  const bump: Proposal = {
    branch: bumpBranch(ctx, next),
    base: main,
    commit: c.bump,
    title: fillPattern(ctx.options.bumpTitle, next),
    summary: `Moves ${main} to ${c.plan.primary?.to ?? next}: ${c.release} was cut from ${main} at ${c.cutAt.slice(0, 12)} and carries ${version} from here.`,
    lines: movedLines(c.plan),
    staying: c.plan.staying,
    onMerge: `${main} moves to ${c.plan.primary?.to ?? next}. ${c.release} stays at the cut point, where ${c.first ? 'its candidates and release day (\`nx release-latest\`) prepare' : 'release day (\`nx release-latest\`) prepares'} ${version}.`,
  };
  const proposals = [bump];
  if (c.first?.commit) proposals.push(candidateProposal(ctx, c.release, { ...c.first, commit: c.first.commit }));
  await proposeAll(ctx, gh, 'nx release-major --push', proposals, [{ branch: c.release, commit: c.cutAt }]);
}

/**
 * A rerun of a pushed cut whose pull requests are still waiting for review (main on the
 * remote not yet moved, the release branch there at HEAD): the same bump (and first
 * candidate) are built again from git objects and proposed, so the review branches and their
 * pull requests are found, not doubled. No local ref moves.
 */
async function proposeAgain(ctx: Train, gh: GitHubPush, head: string, release: string, version: string, req: ReleaseMajorRequest): Promise<CutResult> {
  const git = ctx.git;
  const snap = await snapshot(git, head, ctx.options);
  const thePlan = planAt(snap, ctx.options, 'major', undefined, req.level);
  const next = thePlan.primary?.to ?? version;
  const bump = await buildCommit(ctx, head, thePlan.edits, commitMessage(fillPattern(ctx.options.bumpTitle, releaseVersionOf(next))));
  const startsCandidates = ctx.options.candidates && stageOf(version, ctx.options).kind === 'dev';
  const first = startsCandidates ? await commitCandidate(ctx, snap, `first candidate on ${release}`) : null;
  ctx.log.info(`${version} was already cut (${release} on ${ctx.options.remote} at ${head.slice(0, 12)}); proposing the bump to ${next} again`);
  await pushCut(ctx, gh, { release, cutAt: head, bump, plan: thePlan, first });
  return { releaseBranch: release, version, nextVersion: next, bumpCommit: bump, candidate: first?.version ?? null, filesChanged: 0 };
}

/**
 * A rerun after the refs moved: HEAD is already the bump (its subject names this version)
 * and the release branch sits on its parent. If the run was killed before the working tree
 * followed, finish that; either way, say what was found.
 */
async function finishInterrupted(ctx: Train, gh: GitHubPush | null, head: string, version: string, req: ReleaseMajorRequest): Promise<CutResult | null> {
  const git = ctx.git;
  const message = await git.commitMessage(head);
  if (subjectOf(message) !== fillPattern(ctx.options.bumpTitle, releaseVersionOf(version))) return null;
  const parent = await git.resolve(`${head}^`);
  if (!parent) return null;
  const parentSnap = await snapshot(git, parent, ctx.options);
  const previous = currentVersion(parentSnap);
  const release = releaseBranchName(ctx.options, previous);
  const { local } = await git.branches(release, ctx.options.remote);
  // The branch sits on the cut point, or above it (its candidates are committed on top).
  const tip = local.get(release);
  if (!tip || (tip !== parent && !(await git.isAncestor(parent, tip)))) return null;
  const first = tip !== parent ? { version: currentVersion(await snapshot(git, tip, ctx.options)), commit: tip } : null;
  const indexTree = await git.out(['write-tree']);
  const parentTree = await git.out(['rev-parse', `${parent}^{tree}`]);
  if (indexTree === parentTree && indexTree !== (await git.out(['rev-parse', `${head}^{tree}`]))) {
    if (ctx.dryRun) {
      ctx.log.info(
        `[dry run] would finish an interrupted cut: ${release} at ${parent.slice(0, 12)}, working tree to be brought to the bump commit ${head.slice(0, 12)}`,
      );
      return { releaseBranch: release, version: previous, nextVersion: version, candidate: first?.version ?? null, bumpCommit: head, filesChanged: 0 };
    }
    await requireIndexUnlocked(git);
    await git.moveWorktree(parent, head);
    ctx.log.info(`finished an interrupted cut: ${release} at ${parent.slice(0, 12)}, working tree brought to the bump commit ${head.slice(0, 12)}`);
  } else {
    ctx.log.info(
      `nothing to do: ${previous} was already cut (${release} at ${parent.slice(0, 12)}, "${subjectOf(message)}" at ${head.slice(0, 12)}); ` +
        `${ctx.options.mainBranch} has no commit since the bump, so ${version} is not cut yet`,
    );
  }
  if (gh) {
    const candidate = first ? { plan: planAt(parentSnap, ctx.options, 'candidate'), version: first.version, commit: first.commit } : null;
    await pushCut(ctx, gh, { release, cutAt: parent, bump: head, plan: planAt(parentSnap, ctx.options, 'major', undefined, req.level), first: candidate });
  }
  return { releaseBranch: release, version: previous, nextVersion: version, candidate: first?.version ?? null, bumpCommit: head, filesChanged: 0 };
}

export interface ReleaseMajorRequest extends TrainRequest {
  allowDirty: boolean;
  /** Nx's cache and workspace data (relative to the workspace root): never uncommitted changes. */
  nxDataDirs: string[];
  date: string | undefined;
  /**
   * How far the release's line moves: a flag of this command rather than a `release-minor`
   * command, because a minor release is the same cut (branch at HEAD, main bumped, the same
   * titles, notes, dev suffix and candidates); only the arithmetic differs.
   */
  level: 'major' | 'minor';
}

export function resolveReleaseMajor({ flags, options, env, root }: CommandInput<ReleaseMajorFlags>): ReleaseMajorRequest {
  return {
    ...resolveTrain(flags, options, env),
    allowDirty: flags.allowDirty,
    nxDataDirs: nxDataDirs(root, env),
    date: checkDate(flags.date),
    // Flag over setting: a workspace that releases minors says so once (cutBump), so the
    // scheduled cut and every hint that names `nx release-major` make the same release.
    level: flags.bump ?? options.cutBump,
  };
}

export async function releaseMajor(req: ReleaseMajorRequest, services: Services): Promise<CutResult> {
  const ctx = trainOf(req, services);
  // Every object the cut reads (HEAD, its tree's files, commit messages) comes from one git process.
  const result = await ctx.git.reading(() => cut(ctx, req));
  ctx.log.info(
    `\nsummary: ${result.version} -> ${result.nextVersion}; ${result.filesChanged} files; ` +
      (ctx.dryRun ? `would create ${result.releaseBranch}` : `branch ${result.releaseBranch}`) +
      (result.candidate ? ` at ${result.candidate}` : ''),
  );
  return result;
}

export const releaseMajorCommand: Command<ReleaseMajorFlags, ReleaseMajorRequest, CutResult> = {
  name: 'release-major',
  resolve: resolveReleaseMajor,
  env: ({ flags, options }) => trainReads('release-major', flags, options, NX_DATA_READS),
  run: releaseMajor,
};
