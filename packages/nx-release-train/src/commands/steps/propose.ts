/**
 * `--push` as a maintainer expects it: each release commit goes to a review branch and is
 * proposed as a pull request, never pushed onto a protected branch. All branches go in one
 * atomic push (all or none), each guarded by --force-with-lease; then each pull request is
 * opened, or found and updated. A rerun pushes nothing when the branch already holds the same
 * change, a pull request closed without merging stops the run before anything is pushed, and
 * so does a review branch holding a commit a maintainer pushed there.
 */
import { proposalBody, type ProposalText } from '../../core/github-repo';
import { ReleaseError } from '../../core/release';
import { gitHostOfApi } from '../../core/bindings/git-host';
import { gitEnvironment, redact } from '../../effects/git-credentials';
import { CommandError } from '../../effects/exec';
import { syncPullRequest } from '../../effects/github-pulls';
import type { GitHubPush } from '../../effects/github-target';
import type { Train } from './train';

export interface Proposal extends Pick<ProposalText, 'summary' | 'lines' | 'staying' | 'onMerge'> {
  /** The review branch. */
  branch: string;
  /** The branch the pull request merges into. */
  base: string;
  commit: string;
  title: string;
}

/** A branch pushed as is (the release branch at the cut): created, or already there. */
export interface BranchPush {
  branch: string;
  commit: string;
}

export interface ProposalResult {
  branch: string;
  base: string;
  /** What happened to the review branch and the pull request, in a few words. */
  state: string;
  url: string | null;
  /**
   * The commit the review branch holds: the proposal's own, or, when a rerun built the same
   * change again (same tree, parents and message, another date), the one already pushed, which
   * the caller moves its local branch to so local and remote never diverge.
   */
  commit: string;
}

export async function proposeAll(ctx: Train, gh: GitHubPush, command: string, proposals: Proposal[], plain: BranchPush[] = []): Promise<ProposalResult[]> {
  const remote = ctx.options.remote;
  // The token is offered to the GitHub host of the API in use only (never another server).
  const env = gitEnvironment(gh.token, gitHostOfApi(gh.apiUrl) ?? 'https://github.com');
  const run = async (args: string[], reject = true) => {
    try {
      return await ctx.git.run(args, { env, reject });
    } catch (err) {
      throw err instanceof CommandError
        ? new ReleaseError(
            `git ${args[0]} failed: ${redact(err.result.stderr.trim() || err.message, gh.token)}`,
            `check that ${gh.tokenVar} may push to ${remote}, then run again`,
          )
        : err;
    }
  };
  const names = [...new Set([...proposals.flatMap((p) => [p.branch, p.base]), ...plain.map((b) => b.branch)])];
  const there = await remoteHeads(run, remote, names);
  const fetch = names.filter((n) => there.has(n)).map((n) => `+refs/heads/${n}:refs/remotes/${remote}/${n}`);
  if (fetch.length) await run(['fetch', '--quiet', '--no-tags', remote, ...fetch]);

  for (const b of plain) {
    const at = there.get(b.branch);
    if (at && at !== b.commit) {
      throw new ReleaseError(
        `${b.branch} already exists on ${remote} at ${at.slice(0, 12)}, not at ${b.commit.slice(0, 12)}; nothing was pushed`,
        `compare the two (git log ${remote}/${b.branch}); a release branch is pushed once, at the cut`,
      );
    }
  }
  const pulls = await ctx.services.github.pulls({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  const plans: Array<{ p: Proposal; merged: boolean; same: boolean; body: string }> = [];
  for (const p of proposals) {
    const newest = await pulls.findNewest(p.branch, p.base);
    if (newest && newest.state === 'closed' && !newest.merged) {
      throw new ReleaseError(
        `pull request #${newest.number} (${p.branch} -> ${p.base}, ${newest.url}) was closed without merging; it is not reopened behind your back, and nothing was pushed`,
        `if it was closed by mistake, reopen it on GitHub and run again (the rerun updates it); if the change is unwanted, drop the local commit`,
      );
    }
    const base = there.get(p.base);
    const merged = !!base && (await run(['merge-base', '--is-ancestor', p.commit, base], false)).exitCode === 0;
    const review = there.get(p.branch);
    const same = !!review && (review === p.commit || (await describe(run, review)) === (await describe(run, p.commit)));
    if (review && !same && !merged) await requireOnlyOwn(run, remote, p, review, base);
    const files = (await run(['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', `${p.commit}^`, p.commit])).stdout.split('\0').filter(Boolean);
    plans.push({ p, merged, same, body: proposalBody({ ...p, files, actor: gh.actor, command }) });
  }

  const refspecs = [
    ...plain.filter((b) => !there.has(b.branch)).map((b) => `${b.commit}:refs/heads/${b.branch}`),
    ...plans.filter((x) => !x.merged && !x.same).map((x) => `${x.p.commit}:refs/heads/${x.p.branch}`),
  ];
  const leases = plans.filter((x) => !x.merged && !x.same).map((x) => `--force-with-lease=refs/heads/${x.p.branch}:${there.get(x.p.branch) ?? ''}`);
  if (refspecs.length) {
    await run(['push', '--atomic', '--quiet', ...leases, remote, ...refspecs]);
    ctx.log.info(`pushed ${refspecs.map((r) => r.split(':refs/heads/')[1]).join(', ')} to ${remote}`);
  }
  for (const b of plain.filter((x) => there.has(x.branch))) ctx.log.info(`${b.branch} is already on ${remote} at ${b.commit.slice(0, 12)}`);

  const results: ProposalResult[] = [];
  for (const { p, merged, same, body } of plans) {
    const branchState = same ? 'branch unchanged' : there.has(p.branch) ? `branch replaced (was ${there.get(p.branch)!.slice(0, 12)})` : 'branch pushed';
    if (merged) {
      results.push({ branch: p.branch, base: p.base, state: `already merged into ${p.base}`, url: null, commit: p.commit });
      continue;
    }
    const { outcome, pr } = await syncPullRequest(pulls, { branch: p.branch, base: p.base, title: p.title, body }, false);
    const commit = same ? there.get(p.branch)! : p.commit;
    results.push({ branch: p.branch, base: p.base, state: `${branchState}; pull request #${pr!.number} ${outcome}`, url: pr!.url, commit });
  }
  for (const r of results) ctx.log.info(`${r.branch} -> ${r.base}: ${r.state}${r.url ? ` (${r.url})` : ''}`);
  return results;
}

/** The commit a proposal's local branch moves to: the one its review branch holds. */
export function proposedCommit(results: readonly ProposalResult[], branch: string, commit: string): string {
  return results.find((r) => r.branch === branch)?.commit ?? commit;
}

type Run = (args: string[], reject?: boolean) => Promise<{ stdout: string; exitCode: number }>;

/**
 * A review branch is replaced only while it holds nothing but earlier versions of the train's
 * own commit (same message, no file the proposal leaves alone): a commit a maintainer pushed
 * there is never discarded by a rerun.
 */
async function requireOnlyOwn(run: Run, remote: string, p: Proposal, review: string, base: string | undefined): Promise<void> {
  const files = async (commit: string) =>
    (await run(['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', '--root', commit])).stdout.split('\0').filter(Boolean);
  const message = (commit: string) => run(['log', '-1', '--format=%B', commit]).then((r) => r.stdout.trim());
  const [ours, ourFiles] = [await message(p.commit), new Set(await files(p.commit))];
  const onReview = (await run(['rev-list', review, `^${p.commit}`, ...(base ? [`^${base}`] : [])])).stdout.split('\n').filter(Boolean);
  const foreign: string[] = [];
  for (const c of onReview) {
    if ((await message(c)) !== ours || (await files(c)).some((f) => !ourFiles.has(f))) foreign.push(c);
  }
  if (foreign.length === 0) return;
  const listed = (await run(['log', '--no-walk', '--format=%h "%s" (%an)', ...foreign.slice(0, 5)])).stdout.trim().split('\n').join(', ');
  throw new ReleaseError(
    `${remote}/${p.branch} holds ${foreign.length === 1 ? 'a commit' : `${foreign.length} commits`} the train did not make (${listed}); a rerun does not discard them, and nothing was pushed`,
    `merge the pull request as it is, or bring those commits onto ${p.base} first; if they are unwanted, delete ${p.branch} on ${remote} (git push ${remote} --delete ${p.branch}) and run again`,
  );
}

async function remoteHeads(run: Run, remote: string, names: string[]): Promise<Map<string, string>> {
  const out = (await run(['ls-remote', '--heads', remote, ...names.map((n) => `refs/heads/${n}`)])).stdout;
  const heads = new Map<string, string>();
  for (const line of out.split('\n').filter(Boolean)) {
    const [sha, ref] = line.split('\t');
    heads.set(ref.slice('refs/heads/'.length), sha);
  }
  return heads;
}

/** A commit's content and place (tree, parents, message): equal means the same change. */
async function describe(run: Run, commit: string): Promise<string> {
  const raw = (await run(['cat-file', 'commit', commit])).stdout;
  const [header, ...message] = raw.split('\n\n');
  const keep = header.split('\n').filter((l) => l.startsWith('tree ') || l.startsWith('parent '));
  return [...keep, message.join('\n\n')].join('\n');
}
