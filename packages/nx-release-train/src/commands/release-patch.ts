/**
 * `nx release-patch --target=4.x`: a patch release on one or more release lines, prepared
 * from git objects (or a temporary worktree), never in the user's checkout. With several
 * lines, every line's commit is prepared first; refs move (and pushes go) only when all
 * succeeded, in one transaction.
 */
import { formatFailure } from '../core/errors';
import type { ReleasePatchFlags } from '../core/flags/release-patch';
import { fillPattern } from '../core/settings/pattern';
import { branchTarget, parsePatchTarget, selectLines, supportedLines, type LineInfo } from '../core/patch-target';
import { commitMessage, ReleaseError, releaseBranches } from '../core/release';
import { describeBranches } from '../core/release-line';
import { stageOf, type VersionPlan } from '../core/version';
import { githubForPush } from '../effects/github-target';
import type { Command, CommandInput } from './command';
import type { Services } from './services';
import { buildCommit, describePlan, movedLines, onReleaseMerge, releaseReviewBranch } from './steps/apply';
import { requireReleaseBranches, tipOf, workTip, type KnownBranch } from './steps/branches';
import { checkoutGuard, finishInterruptedFollow, follow } from './steps/checkout';
import { finishPrepared, inspectLine, type Prepared } from './steps/finish-patch';
import { proposeAll, proposedCommit, type Proposal } from './steps/propose';
import { requireRepo } from './steps/repo-checks';
import { currentVersion, planAt, snapshot } from './steps/snapshot';
import { trainOf, type Train } from './steps/train';
import { checkDate, lineOf, resolveTrain, type TrainRequest, trainReads } from './train-request';

export interface LineResult {
  branch: string;
  from: string | null;
  to: string | null;
  commit: string | null;
  error: string | null;
  /**
   * Set when the line needed no new commit: its tip is already its release commit (prepared,
   * or merged: released), or, with --target=supported, the line is not released yet (skipped).
   */
  state?: 'prepared' | 'released' | 'skipped';
}

/** Every selected line patched, or none; `releasePatch` adds the summary line. */
async function patch(ctx: Train, req: ReleasePatchRequest, date: string): Promise<LineResult[]> {
  // The target is checked before git is asked anything.
  const parsed = req.target === undefined ? null : parsePatchTarget(req.target, ctx.options);
  const git = ctx.git;
  await requireRepo(git);
  const gh = ctx.push && !ctx.dryRun ? await githubForPush(req.github, git, ctx.options.remote) : null;
  await finishInterruptedFollow(ctx);
  const branches = await requireReleaseBranches(ctx);
  const lines = await withCutDates(ctx, branches);
  const supported = supportedLines(lines, ctx.options, date);
  let target = parsed;
  if (!target) {
    const current = await git.currentBranch();
    const onRelease = current ? releaseBranches([current], ctx.options)[0] : undefined;
    if (!onRelease) {
      throw new ReleaseError(
        `no --target given and ${current ? `"${current}"` : 'HEAD'} is not a release branch; supported lines: ${describeBranches(supported)}`,
        'pass --target=<line> (e.g. --target=4.x, latest or supported), or run it on a release branch',
      );
    }
    target = branchTarget(onRelease.name);
  }
  const selected = selectLines(target, lines, supported, req.force);

  const results: LineResult[] = [];
  const ready: Array<{ branch: KnownBranch; tip: string; commit: string; version: string; plan: VersionPlan }> = [];
  const prepared: Prepared[] = [];
  for (const line of selected) {
    const branch = branches.find((b) => b.name === line.name)!;
    try {
      const tip = await workTip(ctx, branch);
      const snap = await snapshot(git, tip, ctx.options);
      const version = currentVersion(snap);
      // Every supported line: one still in candidates (or at -dev) has its release day ahead.
      if (target.kind === 'supported' && stageOf(version, ctx.options).kind !== 'final') {
        ctx.log.info(`skipping ${branch.name}: it is at ${version}, not released yet (its release day is nx release-latest)`);
        results.push({ branch: branch.name, from: version, to: version, commit: null, error: null, state: 'skipped' });
        continue;
      }
      // A rerun (after a completed run, a failed push, a kill) finds the release commit at the tip.
      const found = await inspectLine(ctx, branch, tip, snap);
      if (found) {
        results.push({ branch: branch.name, from: found.version, to: found.version, commit: tip, error: null, state: found.merged ? 'released' : 'prepared' });
        if (!found.merged) prepared.push(found);
        continue;
      }
      const thePlan = planAt(snap, ctx.options, 'patch', date);
      const to = thePlan.primary?.to ?? null;
      await describePlan(ctx, thePlan, `${ctx.dryRun ? '[dry run] ' : ''}patch ${branch.name} (${tip.slice(0, 12)}): ${thePlan.primary?.from} -> ${to}`);
      const commit = ctx.dryRun
        ? null
        : await buildCommit(ctx, tip, thePlan.edits, commitMessage(fillPattern(ctx.options.releaseTitle, to!), ctx.options.marker));
      results.push({ branch: branch.name, from: thePlan.primary?.from ?? null, to, commit, error: null });
      if (commit && to) ready.push({ branch, tip, commit, version: to, plan: thePlan });
    } catch (err) {
      results.push({ branch: branch.name, from: null, to: null, commit: null, error: formatFailure(err) });
    }
  }
  printTable(ctx, results);
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) {
    throw new ReleaseError(
      `${failed.length} of ${results.length} release lines could not be patched; no branch was changed and nothing was pushed`,
      'fix the problems listed above and run the command again',
    );
  }
  if (ctx.dryRun) {
    for (const p of prepared) await finishPrepared(ctx, p);
    return results;
  }

  // The checked-out line (if any) must be able to follow before anything is pushed or moves.
  const moves = [];
  for (const r of ready) moves.push(await checkoutGuard(ctx, r.branch.name, r.commit));
  // Every line's review branch in one atomic push, before any local branch moves: all lines
  // are proposed or none, and a rerun after a failure builds the same commits and finds them.
  // A line whose release commit was prepared by an earlier run is proposed as it is.
  if (gh) {
    const proposals = ready.map((r) => patchProposal(ctx, r));
    for (const p of prepared) proposals.push(patchProposal(ctx, { branch: p.branch, commit: p.tip, version: p.version, plan: await planOf(ctx, p, date) }));
    const proposed = await proposeAll(ctx, gh, 'nx release-patch --push', proposals);
    for (const r of ready) r.commit = proposedCommit(proposed, releaseReviewBranch(ctx, r.version), r.commit);
  }
  if (ready.length > 0) {
    await git.updateRefs(
      ready.map((r) => ({ ref: `refs/heads/${r.branch.name}`, to: r.commit, from: r.branch.local })),
      `nx release-patch: ${ready.map((r) => r.version).join(', ')}`,
    );
  }
  for (const [i, r] of ready.entries()) await follow(ctx, moves[i] && { ...moves[i], to: r.commit });
  for (const p of prepared) await finishPrepared(ctx, p);
  return results;
}

/** The plan a prepared release commit was made from (its parent, patched): what its pull request lists. */
async function planOf(ctx: Train, p: Prepared, date: string): Promise<VersionPlan> {
  const parent = (await ctx.git.resolve(`${p.tip}^`)) ?? p.tip;
  return planAt(await snapshot(ctx.git, parent, ctx.options), ctx.options, 'patch', date);
}

function patchProposal(ctx: Train, r: { branch: KnownBranch; commit: string; version: string; plan: VersionPlan }): Proposal {
  return {
    branch: releaseReviewBranch(ctx, r.version),
    base: r.branch.name,
    commit: r.commit,
    title: fillPattern(ctx.options.releaseTitle, r.version),
    summary: `Patch release ${r.version} on ${r.branch.name}.`,
    lines: movedLines(r.plan),
    staying: r.plan.staying,
    onMerge: onReleaseMerge(ctx, r.branch.name, r.version),
  };
}

/** Cut dates matter only to long-term support; they cost a git call per line, so only then. */
async function withCutDates(ctx: Train, branches: KnownBranch[]): Promise<LineInfo[]> {
  const git = ctx.git;
  const lts = ctx.options.ltsEvery > 0 && ctx.options.ltsMonths > 0;
  const out: LineInfo[] = [];
  for (const b of branches) {
    let cutDate: string | null = null;
    if (lts) {
      const base = (await git.run(['merge-base', tipOf(b), ctx.options.mainBranch], { reject: false })).stdout.trim() || tipOf(b);
      cutDate = await git.out(['log', '-1', '--format=%cs', base]);
    }
    out.push({ name: b.name, version: b.version, major: b.major, line: b.line, cutDate });
  }
  return out;
}

function printTable(ctx: Train, results: LineResult[]): void {
  const rows = [
    ['line', 'version', 'commit', 'result'],
    ...results.map((r) => [
      r.branch,
      r.from && r.to ? `${r.from} -> ${r.to}` : '-',
      r.commit ? r.commit.slice(0, 12) : '-',
      r.error ? 'FAILED' : (r.state ?? (ctx.dryRun ? 'planned' : 'ready')),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  ctx.log.info('');
  for (const row of rows)
    ctx.log.info(
      row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  for (const r of results.filter((x) => x.error)) ctx.log.warn(`\n${r.branch}: ${r.error}`);
}

export interface ReleasePatchRequest extends TrainRequest {
  /** The line as given (`--target`, `--line`, or Nx's swallowed `--target` from the hook). */
  target: string | undefined;
  force: boolean;
  date: string | undefined;
}

export function resolveReleasePatch({ flags, options, env }: CommandInput<ReleasePatchFlags>): ReleasePatchRequest {
  return { ...resolveTrain(flags, options, env), target: lineOf(flags, env), force: flags.force, date: checkDate(flags.date) };
}

export async function releasePatch(req: ReleasePatchRequest, services: Services): Promise<LineResult[]> {
  const ctx = trainOf(req, services);
  const results = await patch(ctx, req, req.date ?? services.clock.today());
  const done = results.filter((r) => r.commit).map((r) => `${r.branch} ${r.to}`);
  ctx.log.info(`\nsummary: ${ctx.dryRun ? `${results.length} line(s) planned` : `patched ${done.join(', ')}`}`);
  return results;
}

export const releasePatchCommand: Command<ReleasePatchFlags, ReleasePatchRequest, LineResult[]> = {
  name: 'release-patch',
  resolve: resolveReleasePatch,
  env: ({ flags, options }) => trainReads('release-patch', flags, options),
  run: releasePatch,
};
