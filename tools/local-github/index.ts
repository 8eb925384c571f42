export { startGitHubApi } from './src/server';
export type { GitHubApi, GitHubApiOptions } from './src/server';
export type { AssetRecord, Fault, GitHubState, IssueRecord, PullRecord, ReleaseRecord, RepoOptions, RepoState, RequestRecord } from './src/state';
