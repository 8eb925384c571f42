/**
 * One binding repository: clone, edit, commit, push, pull request. Every step up to the push
 * runs in a dry run too (in a temporary clone), so the dry run reports what the real run
 * would do; only the push and the pull-request writes are skipped.
 */
import { currentVersion } from '../../core/bindings/current';
import { followDecision } from '../../core/bindings/follow';
import { planBindingEdits } from '../../core/bindings/plan';
import { pullRequestBody, type RepoOutcome } from '../../core/bindings/report';
import type { ResolvedRepo } from '../../core/bindings/rules';
import { ReleaseError } from '../../core/errors';
import { fillPattern } from '../../core/settings/pattern';
import { formatProblems, renderPlanDiff } from '../../core/version';
import type { Logger } from '../../core/log';
import { BindingClone } from '../../effects/binding-clone';
import { redact } from '../../effects/git-credentials';
import { syncPullRequest, type PullsApi } from '../../effects/github-pulls';

export interface RepoRun {
  version: string;
  /** Commit message and pull request title, filled. */
  title: string;
  dryRun: boolean;
  token: string | undefined;
  /** The variable the token comes from (named when it is missing). */
  tokenVar: string;
  /** The GitHub host (`scheme://host[:port]`) the token is for; git offers it nowhere else. */
  gitHost: string;
  log: Logger;
  /** The pull-request API of `owner/name` (needs the token). */
  pulls(repository: string): Promise<PullsApi>;
  /** How far a move may go (core/bindings/follow.ts): --force, --only, bindings.maxMajorJump, ltsEvery. */
  follow: { force: boolean; only: readonly string[]; maxMajorJump: number; ltsEvery: number };
}

/** The repository's edits were refused; the message lists each problem with its place. */
class RepoFailure extends ReleaseError {
  constructor(message: string) {
    super(message, 'fix the rules of this repository in bindings.repos (or the repository itself), then rerun with --only');
  }
}

export async function updateRepo(repo: ResolvedRepo, run: RepoRun): Promise<RepoOutcome> {
  const branch = fillPattern(repo.branchPattern, run.version);
  const result = (state: string, pullRequest = '-', ok = true): RepoOutcome => ({ repo: repo.name, branch, pullRequest, state, ok });
  let clone: BindingClone | undefined;
  try {
    run.log.info(`${repo.name}: cloning ${redact(repo.url)} (${repo.baseBranch})`);
    clone = await BindingClone.clone(repo.url, repo.baseBranch, run.token, run.gitHost);
    return await update(repo, run, clone, branch, result);
  } catch (err) {
    const message = redact(err instanceof Error ? err.message : String(err), run.token);
    run.log.warn(`${repo.name}: failed: ${message}`);
    return result(message, '-', false);
  } finally {
    await clone?.remove();
  }
}

async function update(
  repo: ResolvedRepo,
  run: RepoRun,
  clone: BindingClone,
  branch: string,
  result: (state: string, pullRequest?: string, ok?: boolean) => RepoOutcome,
): Promise<RepoOutcome> {
  const tag = fillPattern(repo.tagPattern, run.version);
  const remote = await clone.remoteRefs(branch, tag);
  if (remote.tag) return result(`already released (tag ${tag} exists)`);

  const base = await clone.head();
  const files = await clone.files();
  const { force, only, maxMajorJump, ltsEvery } = run.follow;
  const current = currentVersion(repo.rules, files);
  const follow = followDecision({
    repo: repo.name,
    follows: repo.follows,
    current,
    target: run.version,
    maxMajorJump,
    ltsEvery,
    force,
    named: only.includes(repo.name),
  });
  run.log.info(follow.gap);
  if (!follow.propose) return result(`not proposed: ${follow.reason}`);
  const plan = planBindingEdits(repo.rules, run.version, files);
  if (plan.problems.length) throw new RepoFailure(`the version edits were refused; nothing was pushed:\n${formatProblems(plan.problems)}`);
  // An edit through an in-repository symbolic link lands on (and is shown as) the link's target.
  const edits = plan.edits.map((e) => ({ ...e, file: clone.targetOf(e.file) }));
  // With rules, no edit means the base branch already has the version. Without rules (a
  // tag-only repository), a merged update shows as the base's newest commit.
  const atVersion = repo.rules.length ? plan.edits.length === 0 : (await clone.describe('HEAD')).message.startsWith(run.title);
  if (atVersion) return result(`${repo.baseBranch} is already at ${run.version}`);
  if (run.dryRun) {
    run.log.info(
      `${repo.name}: ${repo.baseBranch} -> ${branch}\n${plan.edits.length ? renderPlanDiff(edits) : '(an empty commit: no file carries the version)\n'}`,
    );
  }

  const commit = await clone.commit(base, new Map(edits.map((e) => [e.file, e.after])), run.title);
  let branchState: string;
  if (!remote.branch) branchState = run.dryRun ? 'would push branch' : 'branch pushed';
  else {
    const [there, mine] = [await clone.describeRemote(branch), await clone.describe(commit)];
    const same = there.tree === mine.tree && there.parents.join() === mine.parents.join() && there.message === mine.message;
    branchState = same ? 'branch unchanged' : `${run.dryRun ? 'would replace' : 'replaced'} branch (was ${remote.branch.slice(0, 7)})`;
  }
  if (!run.dryRun && branchState !== 'branch unchanged') await clone.push(commit, branch, remote.branch);

  if (!repo.github) return result(`${branchState}; no GitHub repository configured: open the pull request by hand`);
  if (!run.token) return result(`${branchState}; pull request not checked (${run.tokenVar} is not set)`);
  const pulls = await run.pulls(repo.github);
  const body = pullRequestBody(
    run.version,
    repo.tagPattern,
    edits.map((e) => e.file),
  );
  const { outcome, pr } = await syncPullRequest(pulls, { branch, base: repo.baseBranch, title: run.title, body }, run.dryRun);
  const url = pr?.url ?? '-';
  if (outcome === 'closed-unmerged') {
    return result(`${branchState}; pull request #${pr!.number} was closed without merging: not reopened (reopen it on GitHub, then run again)`, url, false);
  }
  if (outcome === 'unchanged') return result(branchState === 'branch unchanged' ? 'unchanged' : `${branchState}; pull request #${pr!.number} unchanged`, url);
  if (run.dryRun) return result(`${branchState}; would ${outcome === 'opened' ? 'open a pull request' : `update pull request #${pr!.number}`}`, url);
  return result(`${branchState}; pull request #${pr!.number} ${outcome}`, url);
}
