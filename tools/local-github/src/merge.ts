/**
 * Merging a pull request, as a maintainer does on GitHub, into the repository's git
 * directory: a merge commit (`merge`, the default), one commit with the head's tree
 * (`squash`), or the head's commits replayed with the merger as committer (`rebase`, which
 * GitHub does even when a fast-forward would be possible). The base branch moves only if
 * it is still where the merge started.
 */
import { ApiError, notFound, parseJsonObject } from './http';
import { branchSha, commitTree, commitsBetween, isAncestor, mergedTree, readCommit, replayCommit, updateRef, type MergeIdentity } from './git';
import { findPull } from './pulls';
import type { Context, Route } from './router';
import type { PullRecord, RepoState } from './state';

type Method = 'merge' | 'squash' | 'rebase';
const notMergeable = () => new ApiError(405, 'Pull Request is not mergeable');

/** GitHub's default squash text: one commit's body, or every commit's message as a list. */
async function squashMessage(gitDir: string, commits: string[]): Promise<string> {
  const messages = await Promise.all(commits.map(async (c) => (await readCommit(gitDir, c)).message.trim()));
  if (messages.length === 1) return messages[0].split('\n').slice(1).join('\n').trim();
  return messages.map((m) => `* ${m}`).join('\n\n');
}

async function mergeCommit(
  repo: RepoState,
  pr: PullRecord,
  method: Method,
  base: string,
  head: string,
  who: MergeIdentity,
  text: { title?: string; message?: string },
): Promise<string> {
  const gitDir = repo.gitDir!;
  const commits = await commitsBetween(gitDir, base, head);
  if (method === 'rebase') {
    if (!(await isAncestor(gitDir, base, head))) throw new ApiError(405, "This branch can't be rebased");
    let tip = base;
    for (const c of commits) tip = await replayCommit(gitDir, c, tip, who);
    return tip;
  }
  const tree = await mergedTree(gitDir, base, head);
  if (!tree) throw notMergeable();
  if (method === 'squash') {
    const body = text.message ?? (await squashMessage(gitDir, commits));
    return commitTree(gitDir, tree, [base], `${text.title ?? `${pr.title} (#${pr.number})`}\n\n${body}\n`, who);
  }
  const title = text.title ?? `Merge pull request #${pr.number} from ${pr.headOwner}/${pr.headRef}`;
  return commitTree(gitDir, tree, [base, head], `${title}\n\n${text.message ?? pr.title}\n`, who);
}

export const mergeRoutes: Route[] = [
  {
    method: 'PUT',
    pattern: '/repos/:owner/:repo/pulls/:number/merge',
    async handle(ctx: Context) {
      const { repo, pr } = findPull(ctx);
      const body = parseJsonObject(ctx.body);
      const method = (body.merge_method ?? 'merge') as Method;
      if (!['merge', 'squash', 'rebase'].includes(method)) {
        throw new ApiError(422, 'Invalid request.\n\nmerge_method must be one of merge, squash, rebase.');
      }
      if (pr.state !== 'open') throw notMergeable();
      if (!repo.gitDir) throw new ApiError(405, 'local-github: merging needs the repository to be backed by a gitDir');
      if (pr.headOwner.toLowerCase() !== repo.owner.toLowerCase()) throw new ApiError(405, 'local-github: merging a fork is not modelled');
      const [base, head] = [await branchSha(repo.gitDir, pr.baseRef), await branchSha(repo.gitDir, pr.headRef)];
      if (!base || !head) throw notMergeable();
      if (typeof body.sha === 'string' && body.sha !== head) {
        throw new ApiError(409, 'Head branch was modified. Review and try the merge again.');
      }
      if (await isAncestor(repo.gitDir, head, base)) throw notMergeable();
      const now = ctx.now();
      const who = { name: ctx.login, email: `${ctx.login}@users.noreply.github.com`, date: now };
      const text = {
        title: typeof body.commit_title === 'string' ? body.commit_title : undefined,
        message: typeof body.commit_message === 'string' ? body.commit_message : undefined,
      };
      const sha = await mergeCommit(repo, pr, method, base, head, who, text);
      try {
        await updateRef(repo.gitDir, `refs/heads/${pr.baseRef}`, sha, base);
      } catch {
        throw new ApiError(409, 'Base branch was modified. Review and try the merge again.');
      }
      pr.state = 'closed';
      pr.updatedAt = now;
      pr.merged = { at: now, by: ctx.login, commitSha: sha, method, headSha: head };
      return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/pulls/:number/merge',
    handle(ctx: Context) {
      const { pr } = findPull(ctx);
      if (!pr.merged) throw notFound();
      return { status: 204 };
    },
  },
];
