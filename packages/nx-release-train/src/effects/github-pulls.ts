/**
 * Pull requests through Octokit: find the open one of a branch, open one, update one. The
 * token is given to Octokit only; failures are described without it.
 */
import { call, octokitFor } from './github';

export interface PullRequest {
  number: number;
  url: string;
  title: string;
  body: string | null;
}

export interface PullsApi {
  /** The open pull request from `branch` (in the same repository) into `base`, if any. */
  findOpen(branch: string, base: string): Promise<PullRequest | null>;
  create(spec: { branch: string; base: string; title: string; body: string }): Promise<PullRequest>;
  update(number: number, spec: { title: string; body: string }): Promise<PullRequest>;
}

export interface GitHubRepoTarget {
  token: string;
  baseUrl: string;
  /** `owner/name`. */
  repository: string;
}


const pr = (d: { number: number; html_url: string; title: string; body?: string | null }): PullRequest => ({ number: d.number, url: d.html_url, title: d.title, body: d.body ?? null });

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
    async create({ branch, base, title, body }) {
      const { data } = await call(`open a pull request from ${branch} in ${where}`, () => octokit.rest.pulls.create({ owner, repo, head: branch, base, title, body }));
      return pr(data);
    },
    async update(number, { title, body }) {
      const { data } = await call(`update pull request #${number} of ${where}`, () => octokit.rest.pulls.update({ owner, repo, pull_number: number, title, body }));
      return pr(data);
    },
  };
}
