/**
 * Release candidates (SPEC §1b): the first one is committed by the cut of a `-dev` main, the
 * next ones by `nx release-rc [--target=49.x]` on a release branch, built from git objects:
 * the checkout is never switched (it follows only when the moved branch is checked out).
 */
import type { ReleaseRcFlags } from '../core/flags/release-rc';
import { fillPattern } from '../core/settings/pattern';
import { parsePatchTarget, selectLines } from '../core/patch-target';
import { commitMessage, ReleaseError } from '../core/release';
import { lineLabel, lineVersionFix, lineVersionProblem } from '../core/release-line';
import { describeStage, releaseVersionOf, stageOf, type VersionPlan } from '../core/version';
import { githubForPush } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import type { Services } from './services';
import { candidateProposal, commitCandidate } from './steps/candidate';
import { requireReleaseBranches, workTip } from './steps/branches';
import { checkoutGuard, finishInterruptedFollow, follow, type Finished } from './steps/checkout';
import { proposeAll, proposedCommit } from './steps/propose';
import { requireRepo } from './steps/repo-checks';
import { currentVersion, snapshot } from './steps/snapshot';
import { trainOf, type Train } from './steps/train';
import { lineOf, resolveTrain, type TrainRequest, trainReads } from './train-request';

/** Why a release branch at `version` cannot get another candidate, or null when it can. */
export function candidateRefusal(ctx: Pick<Train, 'options'>, branch: string, version: string, line: string): ReleaseError | null {
  const stage = stageOf(version, ctx.options);
  // A candidate counts up, and so does a published pre-release (setting prereleaseIdentifiers).
  if (stage.kind === 'candidate' || stage.kind === 'pre') return null;
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
    `set the versions on ${branch} to ${releaseVersionOf(version)}-${ctx.options.candidateSuffix}.N, or fix the settings in nx.json (a published pre-release word such as alpha goes in prereleaseIdentifiers)`,
  );
}

export interface CandidateResult {
  branch: string;
  from: string;
  to: string;
  commit: string | null;
}

/** -rc.N -> -rc.(N+1) on the target line (default: the newest); `releaseRc` adds the summary line. */
async function releaseCandidate(ctx: Train, req: ReleaseRcRequest): Promise<CandidateResult> {
  const target = req.target;
  const parsed = target === undefined ? { kind: 'latest' as const } : parsePatchTarget(target, ctx.options);
  if (parsed.kind === 'supported')
    throw new ReleaseError(
      '--target=supported names several lines; a candidate is made for one line',
      'name the line, e.g. --target=49.x (default: the newest)',
    );
  const git = ctx.git;
  await requireRepo(git);
  // Refused before anything moves: --push without a token, or without a GitHub repository.
  const gh = ctx.push && !ctx.dryRun ? await githubForPush(req.github, git, ctx.options.remote) : null;
  const finished = await finishInterruptedFollow(ctx);
  const branches = await requireReleaseBranches(ctx);
  const lines = branches.map((b) => ({ name: b.name, version: b.version, major: b.major, line: b.line, cutDate: null }));
  const [line] = selectLines(parsed, lines, lines, true);
  const branch = branches.find((b) => b.name === line.name)!;
  // A candidate of this line whose working tree a kill left behind is finished, not followed by another.
  if (finished?.branch === branch.name && finished.reason.startsWith('nx release-rc: ')) return finishedCandidate(ctx, finished);
  // Built on what was merged: a local candidate not on the remote yet is never stacked on.
  const tip = await workTip(ctx, branch, true);
  const snap = await snapshot(git, tip, ctx.options);
  const from = currentVersion(snap);
  const mismatch = lineVersionProblem(branch, from);
  if (mismatch) throw new ReleaseError(mismatch, lineVersionFix(branch));
  // The remote still at the cut point (X.0.0-dev) while the first candidate is proposed from
  // here: that candidate is made (and proposed) again, as the cut made it.
  const firstProposed = ctx.options.candidates && stageOf(from, ctx.options).kind === 'dev' && tip !== branch.local;
  const refusal = firstProposed ? null : candidateRefusal(ctx, branch.name, from, lineLabel(line.line));
  if (refusal) throw refusal;

  const made = await commitCandidate(ctx, snap, `candidate on ${branch.name} (${tip.slice(0, 12)})`);
  if (!made.commit) return { branch: branch.name, from, to: made.version, commit: null };
  const title = fillPattern(ctx.options.releaseTitle, made.version);
  const move = await checkoutGuard(ctx, branch.name, made.commit);
  // Proposed before the local branch moves: if the push or the pull request fails, a rerun
  // builds the same candidate and finds it.
  const proposal = candidateProposal(ctx, branch.name, { ...made, commit: made.commit });
  const commit = gh ? proposedCommit(await proposeAll(ctx, gh, 'nx release-rc --push', [proposal]), proposal.branch, made.commit) : made.commit;
  await git.updateRefs([{ ref: `refs/heads/${branch.name}`, to: commit, from: branch.local }], `nx release-rc: ${title}`);
  const followed = await follow(ctx, move && { ...move, to: commit });
  ctx.log.info(`committed "${title}" on ${branch.name} (${commit.slice(0, 12)})${followed ? '; working tree updated' : ''}`);
  return { branch: branch.name, from, to: made.version, commit };
}

/** The result of a candidate a kill interrupted after its ref moved, read from the two commits. */
async function finishedCandidate(ctx: Train, f: Finished): Promise<CandidateResult> {
  const version = async (rev: string) => currentVersion(await snapshot(ctx.git, rev, ctx.options));
  return { branch: f.branch, from: await version(f.from), to: await version(f.to), commit: f.to };
}

export interface ReleaseRcRequest extends TrainRequest {
  target: string | undefined;
}

export function resolveReleaseRc({ flags, options, env }: CommandInput<ReleaseRcFlags>): ReleaseRcRequest {
  return { ...resolveTrain(flags, options, env), target: lineOf(flags, env) };
}

export async function releaseRc(req: ReleaseRcRequest, services: Services): Promise<CandidateResult> {
  const ctx = trainOf(req, services);
  const result = await releaseCandidate(ctx, req);
  ctx.log.info(`\nsummary: ${result.branch} ${result.from} -> ${result.to}${result.commit ? ` (${result.commit.slice(0, 12)})` : ' (dry run)'}`);
  return result;
}

export const releaseRcCommand: Command<ReleaseRcFlags, ReleaseRcRequest, CandidateResult> = {
  name: 'release-rc',
  resolve: resolveReleaseRc,
  env: ({ flags, options }) => trainReads('release-rc', flags, options),
  run: releaseRc,
};
