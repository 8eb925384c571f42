/**
 * A release candidate's commit and its pull request: made by release-rc on a release branch,
 * and by the cut of a `-dev` main (its first candidate).
 */
import { fillPattern } from '../../core/settings/pattern';
import { commitMessage } from '../../core/release';
import type { VersionPlan } from '../../core/version';
import { buildCommit, describePlan, movedLines, onReleaseMerge, rcReviewBranch } from './apply';
import type { Proposal } from './propose';
import { currentVersion, planAt, type Snapshot } from './snapshot';
import type { Train } from './train';

export interface CandidateCommit {
  plan: VersionPlan;
  version: string;
  /** Null on a dry run. */
  commit: string | null;
}

/** The release commit of a candidate ("Release Wasmtime 49.0.0-rc.2" + marker) on `snap`. */
export async function commitCandidate(ctx: Train, snap: Snapshot, heading: string): Promise<CandidateCommit> {
  const thePlan = planAt(snap, ctx.options, 'candidate');
  const version = thePlan.primary?.to ?? currentVersion(snap);
  await describePlan(ctx, thePlan, `${ctx.dryRun ? '[dry run] ' : ''}${heading}: ${thePlan.primary?.from} -> ${version}`);
  const message = commitMessage(fillPattern(ctx.options.releaseTitle, version), ctx.options.marker);
  const commit = ctx.dryRun ? null : await buildCommit(ctx, snap.commit, thePlan.edits, message);
  return { plan: thePlan, version, commit };
}

/** The pull request of a candidate's commit: its review branch into the release branch. */
export function candidateProposal(ctx: Train, branch: string, made: CandidateCommit & { commit: string }): Proposal {
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
