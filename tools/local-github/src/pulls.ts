/**
 * Pull requests: list (filters `state`, `head=owner:branch`, `base`), create, get, update.
 * Validation follows GitHub's answers, including the 422 for a second open PR of one head.
 */
import { notFound, paginate, parseJsonObject, validationFailed } from './http';
import { branchSha, isAncestor } from './git';
import { nextNumber } from './issues';
import { type Context, type Route, intParam, repoJson, repoOf, userJson } from './router';
import type { PullRecord, RepoState } from './state';

async function pullJson(ctx: Context, repo: RepoState, pr: PullRecord, full: boolean) {
  const base = `${ctx.origin}/repos/${repo.owner}/${repo.name}`;
  const sha = async (ref: string) => (repo.gitDir ? await branchSha(repo.gitDir, ref) : null) ?? '0'.repeat(40);
  const side = async (owner: string, ref: string) => ({
    label: `${owner}:${ref}`,
    ref,
    sha: await sha(ref),
    user: userJson(ctx, owner),
    repo: repoJson(ctx, repo),
  });
  return {
    url: `${base}/pulls/${pr.number}`,
    id: pr.id,
    node_id: `PR_${pr.id}`,
    html_url: `${ctx.origin}/${repo.owner}/${repo.name}/pull/${pr.number}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: userJson(ctx, pr.author ?? ctx.login),
    body: pr.body,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.state === 'closed' ? pr.updatedAt : null,
    merged_at: pr.merged?.at ?? null,
    merge_commit_sha: pr.merged?.commitSha ?? null,
    draft: pr.draft,
    // A merged head may have moved or gone since; GitHub keeps the sha it merged.
    head: { ...(await side(pr.headOwner, pr.headRef)), ...(pr.merged ? { sha: pr.merged.headSha } : {}) },
    base: await side(repo.owner, pr.baseRef),
    ...(full
      ? { merged: !!pr.merged, merged_by: pr.merged ? userJson(ctx, pr.merged.by) : null, mergeable: pr.state === 'open' ? true : null, commits: 1 }
      : {}),
  };
}

export function findPull(ctx: Context): { repo: RepoState; pr: PullRecord } {
  const repo = repoOf(ctx);
  const number = intParam(ctx, 'number');
  const pr = repo.pulls.find((p) => p.number === number);
  if (!pr) throw notFound();
  return { repo, pr };
}

/** GitHub refuses a PR whose branches are missing or that has nothing to merge. */
async function checkBranches(repo: RepoState, headOwner: string, headRef: string, baseRef: string): Promise<void> {
  if (!repo.gitDir) return;
  const baseSha = await branchSha(repo.gitDir, baseRef);
  if (!baseSha) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  // A head from a fork lives in another repository this server does not hold.
  if (headOwner.toLowerCase() !== repo.owner.toLowerCase()) return;
  const headSha = await branchSha(repo.gitDir, headRef);
  if (!headSha) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  if (await isAncestor(repo.gitDir, headSha, baseSha)) {
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `No commits between ${baseRef} and ${headRef}` });
  }
}

function checkNoOpenTwin(repo: RepoState, pr: Pick<PullRecord, 'headOwner' | 'headRef' | 'baseRef'>, self?: PullRecord): void {
  const twin = repo.pulls.find(
    (p) => p !== self && p.state === 'open' && p.headOwner.toLowerCase() === pr.headOwner.toLowerCase() && p.headRef === pr.headRef && p.baseRef === pr.baseRef,
  );
  if (twin) {
    throw validationFailed({ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${pr.headOwner}:${pr.headRef}.` });
  }
}

function optionalString(body: Record<string, unknown>, field: string, resource = 'PullRequest'): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validationFailed({ resource, field, code: 'invalid' });
  return v;
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/pulls',
    async handle(ctx) {
      const repo = repoOf(ctx);
      const q = ctx.url.searchParams;
      const state = q.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
      // GitHub only applies `head` in the documented `owner:branch` form; a bare branch
      // name filters nothing, a classic client bug this server reproduces on purpose.
      const head = q.get('head');
      const [headOwner, headRef] = head && head.includes(':') ? [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)] : [null, null];
      const base = q.get('base');
      const key = q.get('sort') === 'updated' ? 'updatedAt' : 'createdAt';
      const dir = q.get('direction') ?? (q.get('sort') && !['created', 'updated'].includes(q.get('sort')!) ? 'asc' : 'desc');
      const items = repo.pulls
        .filter((p) => state === 'all' || p.state === state)
        .filter((p) => headOwner === null || (p.headOwner.toLowerCase() === headOwner.toLowerCase() && p.headRef === headRef))
        .filter((p) => !base || p.baseRef === base)
        .sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1) * (dir === 'asc' ? 1 : -1));
      const { page, headers } = paginate(items, q, ctx.url);
      return { status: 200, body: await Promise.all(page.map((p) => pullJson(ctx, repo, p, false))), headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/pulls',
    async handle(ctx) {
      const repo = repoOf(ctx);
      const body = parseJsonObject(ctx.body);
      const title = optionalString(body, 'title', 'Issue');
      const head = optionalString(body, 'head');
      const baseRef = optionalString(body, 'base');
      if (!title) throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
      if (!head) throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'missing_field' });
      if (!baseRef) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'missing_field' });
      const colon = head.indexOf(':');
      const headOwner = colon >= 0 ? head.slice(0, colon) : repo.owner;
      const headRef = colon >= 0 ? head.slice(colon + 1) : head;
      checkNoOpenTwin(repo, { headOwner, headRef, baseRef });
      await checkBranches(repo, headOwner, headRef, baseRef);
      const now = ctx.now();
      const pr: PullRecord = {
        id: ctx.state.nextId(),
        number: nextNumber(repo),
        title,
        body: optionalString(body, 'body') ?? null,
        state: 'open',
        draft: body.draft === true,
        headOwner,
        headRef,
        baseRef,
        author: ctx.login,
        createdAt: now,
        updatedAt: now,
      };
      repo.pulls.push(pr);
      const json = await pullJson(ctx, repo, pr, true);
      return { status: 201, body: json, headers: { location: json.url } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/pulls/:number',
    async handle(ctx) {
      const { repo, pr } = findPull(ctx);
      return { status: 200, body: await pullJson(ctx, repo, pr, true) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/pulls/:number',
    async handle(ctx) {
      const { repo, pr } = findPull(ctx);
      const body = parseJsonObject(ctx.body);
      const state = optionalString(body, 'state');
      if (state !== undefined && state !== 'open' && state !== 'closed') throw validationFailed({ resource: 'PullRequest', field: 'state', code: 'invalid' });
      const baseRef = optionalString(body, 'base') ?? pr.baseRef;
      if (pr.merged && state === 'open') {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'state',
          code: 'custom',
          message: 'state cannot be changed. The pull request cannot be reopened',
        });
      }
      if ((state ?? pr.state) === 'open') {
        checkNoOpenTwin(repo, { ...pr, baseRef }, pr);
        if (baseRef !== pr.baseRef) await checkBranches(repo, pr.headOwner, pr.headRef, baseRef);
      }
      const title = optionalString(body, 'title', 'Issue');
      if (title === '') throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
      pr.title = title ?? pr.title;
      if ('body' in body) pr.body = optionalString(body, 'body') ?? null;
      pr.state = (state as PullRecord['state'] | undefined) ?? pr.state;
      pr.baseRef = baseRef;
      pr.updatedAt = ctx.now();
      return { status: 200, body: await pullJson(ctx, repo, pr, true) };
    },
  },
];
