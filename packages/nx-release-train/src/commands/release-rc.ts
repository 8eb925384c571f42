/**
 * Release candidates (SPEC §1b): the first one is committed by the cut of a `-dev` main, the
 * next ones by `nx release-rc [--target=49.x]` on a release branch, built from git objects:
 * the checkout is never switched (it follows only when the moved branch is checked out).
 */
import { flagEnv } from '../core/argv';
import type { ReleaseRcFlags } from '../core/flags/release-rc';
import { resolveGitHubTarget } from '../core/github-target';
import type { Command, CommandInput } from './command';
import { trainContext, type TrainRequest } from './command-context';
import type { Services } from './services';
import { fillPattern } from '../core/settings/options';
import { parsePatchTarget, selectLines } from '../core/patch-target';
import { commitMessage, ReleaseError } from '../core/release';
import { describeStage, releaseVersionOf, stageOf, type VersionPlan } from '../core/version';
import { Git } from '../effects/git';
import { githubForPush } from '../effects/github-target';
import { buildCommit, describePlan, followIfCheckedOut, movedLines, onReleaseMerge, rcReviewBranch } from './apply';
import { proposeAll, proposedCommit, type Proposal } from './propose';
import { knownReleaseBranches, newestTip } from './branches';
import type { CommandContext } from './command-context';
import { requireIndexUnlocked, requireRepo } from './preflight';
import { lineLabel, lineVersionFix, lineVersionProblem } from '../core/release-line';
import { currentVersion, plan, snapshot, type Snapshot } from './snapshot';

export interface CandidateCommit {
  plan: VersionPlan;
  version: string;
  /** Null on a dry run. */
  commit: string | null;
}

/** The release commit of a candidate ("Release Wasmtime 49.0.0-rc.2" + marker) on `snap`. */
export async function commitCandidate(ctx: CommandContext, git: Git, snap: Snapshot, heading: string): Promise<CandidateCommit> {
  const thePlan = plan(snap, ctx.options, 'candidate');
  const version = thePlan.primary?.to ?? currentVersion(snap);
  describePlan(ctx, thePlan, `${ctx.dryRun ? '[dry run] ' : ''}${heading}: ${thePlan.primary?.from} -> ${version}`);
  const message = commitMessage(fillPattern(ctx.options.releaseTitle, version), ctx.options.marker);
  const commit = ctx.dryRun ? null : await buildCommit(ctx, git, snap.commit, thePlan.edits, message);
  return { plan: thePlan, version, commit };
}

/** Why a release branch at `version` cannot get another candidate, or null when it can. */
export function candidateRefusal(ctx: CommandContext, branch: string, version: string, line: string): ReleaseError | null {
  const stage = stageOf(version, ctx.options);
  if (stage.kind === 'candidate') return null;
  if (stage.kind === 'final')
    return new ReleaseError(
      `${branch} is at ${version}: the line is released, and a candidate ${releaseVersionOf(version)}-${ctx.options.candidateSuffix}.1 would sort below ${version}`,
      `ship the fix as a patch release: nx release-patch --target=${line}`,
    );
  if (stage.kind === 'dev')
    return new ReleaseError(
      `${branch} is at ${version}: it was cut without release candidates (setting "candidates" was off), so there is no candidate to follow`,
      `release it on release day with nx release-latest (${version} -> ${releaseVersionOf(version)})`,
    );
  return new ReleaseError(
    `${branch} is at ${version}, ${describeStage(stage)} for the settings devSuffix "${ctx.options.devSuffix}" and candidateSuffix "${ctx.options.candidateSuffix}"`,
    `set the versions on ${branch} to ${releaseVersionOf(version)}-${ctx.options.candidateSuffix}.N, or fix the settings in nx.json`,
  );
}

export interface CandidateResult {
  branch: string;
  from: string;
  to: string;
  commit: string | null;
}

/** `nx release-rc`: -rc.N -> -rc.(N+1) on the target line (default: the newest). */
export async function releaseCandidate(ctx: CommandContext, target: string | undefined): Promise<CandidateResult> {
  const parsed = target === undefined ? { kind: 'latest' as const } : parsePatchTarget(target, ctx.options);
  if (parsed.kind === 'supported')
    throw new ReleaseError('--target=supported names several lines; a candidate is made for one line', 'name the line, e.g. --target=49.x (default: the newest)');
  const git = new Git(ctx.root);
  await requireRepo(git);
  // Refused before anything moves: --push without a token, or without a GitHub repository.
  const gh = ctx.push && !ctx.dryRun ? await githubForPush(ctx.github, git, ctx.options.remote) : null;
  const branches = await knownReleaseBranches(ctx, git);
  const lines = branches.map((b) => ({ name: b.name, version: b.version, major: b.major, line: b.line, cutDate: null }));
  if (lines.length === 0) throw new ReleaseError(`no release branch (${ctx.options.branchPattern}) exists locally or on ${ctx.options.remote}`, 'cut one first with `nx release-major`');
  const [line] = selectLines(parsed, lines, lines, true);
  const branch = branches.find((b) => b.name === line.name)!;
  const tip = await newestTip(git, branch, ctx.options.remote);
  const snap = await snapshot(git, tip, ctx.options);
  const from = currentVersion(snap);
  const mismatch = lineVersionProblem(branch, from);
  if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(branch));
  const refusal = candidateRefusal(ctx, branch.name, from, lineLabel(line.line));
  if (refusal) throw refusal;

  const made = await commitCandidate(ctx, git, snap, `candidate on ${branch.name} (${tip.slice(0, 12)})`);
  if (!made.commit) return { branch: branch.name, from, to: made.version, commit: null };
  const title = fillPattern(ctx.options.releaseTitle, made.version);
  if ((await git.currentBranch()) === branch.name) await requireIndexUnlocked(git);
  // Proposed before the local branch moves: if the push or the pull request fails, a rerun
  // builds the same candidate and finds it.
  const proposal = candidateProposal(ctx, branch.name, { ...made, commit: made.commit });
  const commit = gh ? proposedCommit(await proposeAll(ctx, git, gh, 'nx release-rc --push', [proposal]), proposal.branch, made.commit) : made.commit;
  await git.updateRefs([{ ref: `refs/heads/${branch.name}`, to: commit, from: branch.local }], `nx release-rc: ${title}`);
  const followed = await followIfCheckedOut(git, branch.name, tip, commit);
  ctx.log.info(`committed "${title}" on ${branch.name} (${commit.slice(0, 12)})${followed ? '; working tree updated' : ''}`);
  return { branch: branch.name, from, to: made.version, commit };
}

/** The pull request of a candidate's commit: its review branch into the release branch. */
export function candidateProposal(ctx: CommandContext, branch: string, made: CandidateCommit & { commit: string }): Proposal {
  return {
    branch: rcReviewBranch(ctx, made.version),
    base: branch,
    commit: made.commit,
    title: fillPattern(ctx.options.releaseTitle, made.version),
    summary: `Release candidate ${made.version} on ${branch}.`,
    lines: movedLines(made.plan),
    onMerge: onReleaseMerge(ctx, branch, made.version),
  };
}

export interface ReleaseRcRequest extends TrainRequest {
  target: string | undefined;
}

export function resolveReleaseRc({ flags, options, env }: CommandInput<ReleaseRcFlags>): ReleaseRcRequest {
  // `--target` is Nx's own option; the plugin's preTasksExecution hook hands it on.
  const given = flags.target ?? flags.line ?? env[flagEnv('target')];
  return { options, dryRun: flags.dryRun, push: flags.push, target: given === undefined ? undefined : String(given), github: resolveGitHubTarget(options, env) };
}

export async function releaseRc(req: ReleaseRcRequest, services: Services): Promise<CandidateResult> {
  const ctx = trainContext(req, services);
  const result = await releaseCandidate(ctx, req.target);
  ctx.log.info(`\nsummary: ${result.branch} ${result.from} -> ${result.to}${result.commit ? ` (${result.commit.slice(0, 12)})` : ' (dry run)'}`);
  return result;
}

export const releaseRcCommand: Command<ReleaseRcFlags, ReleaseRcRequest, CandidateResult> = { name: 'release-rc', resolve: resolveReleaseRc, run: releaseRc };
