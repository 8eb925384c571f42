/**
 * Pull requests through Octokit: find the open one of a branch, open one, update one, and
 * `syncPullRequest`, the one find-or-open-or-update rule the binding repositories and the
 * train's own commits share. The token is given to Octokit only; failures are described
 * without it.
 */
import { call, octokitFor } from './github';

export interface PullRequest {
  number: number;
  url: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
}

export interface PullsApi {
  /** The open pull request from `branch` (in the same repository) into `base`, if any. */
  findOpen(branch: string, base: string): Promise<PullRequest | null>;
  /** The newest pull request from `branch` into `base` in any state (closed, merged), if any. */
  findNewest(branch: string, base: string): Promise<PullRequest | null>;
  create(spec: { branch: string; base: string; title: string; body: string }): Promise<PullRequest>;
  update(number: number, spec: { title: string; body: string }): Promise<PullRequest>;
  /** Every open pull request of the repository (same-repository heads), oldest first. */
  listOpen(): Promise<OpenPullRequest[]>;
}

export interface OpenPullRequest {
  number: number;
  url: string;
  title: string;
  head: string;
  base: string;
  /** ISO time. */
  createdAt: string;
}

export interface GitHubRepoTarget {
  token: string;
  baseUrl: string;
  /** `owner/name`. */
  repository: string;
}

interface PullJson {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: string;
  merged_at?: string | null;
}

const pr = (d: PullJson): PullRequest => ({
  number: d.number,
  url: d.html_url,
  title: d.title,
  body: d.body ?? null,
  state: d.state === 'open' ? 'open' : 'closed',
  merged: !!d.merged_at,
});

export async function githubPulls(target: GitHubRepoTarget): Promise<PullsApi> {
  const [owner, repo] = target.repository.split('/');
  const octokit = await octokitFor(target.token, target.baseUrl);
  const where = target.repository;
  return {
    async findOpen(branch, base) {
      // `head` filters only in its owner:branch form.
      const list = await call(`list the pull requests of ${where}`, () =>
        octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, base, state: 'open', per_page: 100 }),
      );
      return list.data.length ? pr(list.data[0]) : null;
    },
    async findNewest(branch, base) {
      const list = await call(`list the pull requests of ${where}`, () =>
        octokit.rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, base, state: 'all', sort: 'created', direction: 'desc', per_page: 1 }),
      );
      return list.data.length ? pr(list.data[0]) : null;
    },
    async create({ branch, base, title, body }) {
      const { data } = await call(`open a pull request from ${branch} in ${where}`, () =>
        octokit.rest.pulls.create({ owner, repo, head: branch, base, title, body }),
      );
      return pr(data);
    },
    async listOpen() {
      const list = await call(`list the open pull requests of ${where}`, () =>
        octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', sort: 'created', direction: 'asc', per_page: 100 }),
      );
      return list.map((d) => ({ number: d.number, url: d.html_url, title: d.title, head: d.head.ref, base: d.base.ref, createdAt: d.created_at }));
    },
    async update(number, { title, body }) {
      const { data } = await call(`update pull request #${number} of ${where}`, () =>
        octokit.rest.pulls.update({ owner, repo, pull_number: number, title, body }),
      );
      return pr(data);
    },
  };
}

export type SyncOutcome = 'opened' | 'updated' | 'unchanged' | 'closed-unmerged';

/**
 * The pull request of `branch` into `base` made to say `title` and `body`: the open one is
 * updated when its text differs, else one is opened. The newest one closed without merging
 * is reported (`closed-unmerged`), never reopened or replaced behind a maintainer's back. A
 * dry run reads only and says what it would do (`pr` is null when it would open one).
 */
export async function syncPullRequest(
  pulls: PullsApi,
  spec: { branch: string; base: string; title: string; body: string },
  dryRun: boolean,
): Promise<{ outcome: SyncOutcome; pr: PullRequest | null }> {
  const newest = await pulls.findNewest(spec.branch, spec.base);
  if (newest && newest.state === 'closed' && !newest.merged) return { outcome: 'closed-unmerged', pr: newest };
  const open = newest?.state === 'open' ? newest : null;
  if (!open) return { outcome: 'opened', pr: dryRun ? null : await pulls.create(spec) };
  if (open.title === spec.title && (open.body ?? '') === spec.body) return { outcome: 'unchanged', pr: open };
  return { outcome: 'updated', pr: dryRun ? open : await pulls.update(open.number, { title: spec.title, body: spec.body }) };
}
