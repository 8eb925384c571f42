/**
 * Issues: list (filters `state`, `labels` = all of a comma list), create (with `labels`), get,
 * update (`title`, `body`, `state`, `labels`). Issue numbers share the pull requests' sequence,
 * as on GitHub; pull requests are not listed here (only `nx release-status` reads this list).
 */
import { notFound, paginate, parseJsonObject, validationFailed } from './http';
import { type Context, type Route, intParam, repoOf, userJson } from './router';
import type { IssueRecord, RepoState } from './state';

function issueJson(ctx: Context, repo: RepoState, issue: IssueRecord) {
  const base = `${ctx.origin}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${base}/issues/${issue.number}`,
    id: issue.id,
    node_id: `I_${issue.id}`,
    html_url: `${ctx.origin}/${repo.owner}/${repo.name}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    body: issue.body,
    user: userJson(ctx, issue.author),
    labels: issue.labels.map((name, i) => ({ id: i + 1, name, color: 'ededed', default: false })),
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.state === 'closed' ? issue.updatedAt : null,
  };
}

/** The next number of the repository's shared issue/pull request sequence. */
export const nextNumber = (repo: RepoState) => Math.max(0, ...repo.pulls.map((p) => p.number), ...repo.issues.map((i) => i.number)) + 1;

function stringField(body: Record<string, unknown>, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validationFailed({ resource: 'Issue', field, code: 'invalid' });
  return v;
}

function labelsField(body: Record<string, unknown>): string[] | undefined {
  const v = body.labels;
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw validationFailed({ resource: 'Issue', field: 'labels', code: 'invalid' });
  return v.map((l) =>
    typeof l === 'string' ? l : typeof l === 'object' && l && typeof (l as { name?: unknown }).name === 'string' ? (l as { name: string }).name : String(l),
  );
}

function findIssue(ctx: Context): { repo: RepoState; issue: IssueRecord } {
  const repo = repoOf(ctx);
  const number = intParam(ctx, 'number');
  const issue = repo.issues.find((i) => i.number === number);
  if (!issue) throw notFound();
  return { repo, issue };
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues',
    handle(ctx) {
      const repo = repoOf(ctx);
      const q = ctx.url.searchParams;
      const state = q.get('state') ?? 'open';
      const wanted = (q.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const items = repo.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((l) => i.labels.some((have) => have.toLowerCase() === l.toLowerCase())))
        .sort((a, b) => (a.number - b.number) * (q.get('direction') === 'asc' ? 1 : -1));
      const { page, headers } = paginate(items, q, ctx.url);
      return { status: 200, body: page.map((i) => issueJson(ctx, repo, i)), headers };
    },
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/issues',
    handle(ctx) {
      const repo = repoOf(ctx);
      const body = parseJsonObject(ctx.body);
      const title = stringField(body, 'title');
      if (!title) throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
      const now = ctx.now();
      const issue: IssueRecord = {
        id: ctx.state.nextId(),
        number: nextNumber(repo),
        title,
        body: stringField(body, 'body') ?? null,
        state: 'open',
        labels: labelsField(body) ?? [],
        author: ctx.login,
        createdAt: now,
        updatedAt: now,
      };
      repo.issues.push(issue);
      const json = issueJson(ctx, repo, issue);
      return { status: 201, body: json, headers: { location: json.url } };
    },
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/:number',
    handle(ctx) {
      const { repo, issue } = findIssue(ctx);
      return { status: 200, body: issueJson(ctx, repo, issue) };
    },
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/issues/:number',
    handle(ctx) {
      const { repo, issue } = findIssue(ctx);
      const body = parseJsonObject(ctx.body);
      const state = stringField(body, 'state');
      if (state !== undefined && state !== 'open' && state !== 'closed') throw validationFailed({ resource: 'Issue', field: 'state', code: 'invalid' });
      const title = stringField(body, 'title');
      if (title === '') throw validationFailed({ resource: 'Issue', field: 'title', code: 'missing_field' });
      issue.title = title ?? issue.title;
      if ('body' in body) issue.body = stringField(body, 'body') ?? null;
      issue.state = (state as IssueRecord['state'] | undefined) ?? issue.state;
      issue.labels = labelsField(body) ?? issue.labels;
      issue.updatedAt = ctx.now();
      return { status: 200, body: issueJson(ctx, repo, issue) };
    },
  },
];
