/** GitHub as commands reach it: one factory per API family, each given its target. */
import { githubIssues, type IssuesApi } from './github-issues';
import { githubPulls, type GitHubRepoTarget, type PullsApi } from './github-pulls';
import { githubTags, type TagsApi } from './github-refs';
import { githubReleases, type GitHubTarget, type ReleasesApi } from './github-releases';

export interface GitHubServices {
  pulls(target: GitHubRepoTarget): Promise<PullsApi>;
  tags(target: GitHubRepoTarget): Promise<TagsApi>;
  releases(target: GitHubTarget): Promise<ReleasesApi>;
  issues(target: GitHubRepoTarget): Promise<IssuesApi>;
}

export const realGitHub: GitHubServices = { pulls: githubPulls, tags: githubTags, releases: githubReleases, issues: githubIssues };
