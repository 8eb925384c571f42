/**
 * Issues through Octokit, as much as `nx release-status --issue` needs: the open issues
 * carrying a label, open one, edit one. The token is given to Octokit only.
 */
import { call, octokitFor } from './github';
import type { GitHubRepoTarget } from './github-pulls';

export interface Issue {
  number: number;
  url: string;
  title: string;
  body: string | null;
}

export interface IssuesApi {
  /** Open issues (not pull requests) carrying `label`, oldest first. */
  listByLabel(label: string): Promise<Issue[]>;
  create(spec: { title: string; body: string; labels: string[] }): Promise<Issue>;
  update(number: number, spec: { title: string; body: string }): Promise<Issue>;
}

interface IssueJson {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  pull_request?: unknown;
}

const issue = (d: IssueJson): Issue => ({ number: d.number, url: d.html_url, title: d.title, body: d.body ?? null });

export async function githubIssues(target: GitHubRepoTarget): Promise<IssuesApi> {
  const [owner, repo] = target.repository.split('/');
  const octokit = await octokitFor(target.token, target.baseUrl);
  const where = target.repository;
  return {
    async listByLabel(label) {
      const list = await call(`list the issues labelled ${label} of ${where}`, () =>
        octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', sort: 'created', direction: 'asc', per_page: 100 }),
      );
      // GitHub lists pull requests among issues; they are not the status issue.
      return (list as IssueJson[]).filter((d) => !d.pull_request).map(issue);
    },
    async create({ title, body, labels }) {
      const { data } = await call(`open an issue in ${where}`, () => octokit.rest.issues.create({ owner, repo, title, body, labels }));
      return issue(data as IssueJson);
    },
    async update(number, { title, body }) {
      const { data } = await call(`edit issue #${number} of ${where}`, () => octokit.rest.issues.update({ owner, repo, issue_number: number, title, body }));
      return issue(data as IssueJson);
    },
  };
}
