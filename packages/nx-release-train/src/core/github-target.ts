/**
 * The one answer to "where is GitHub?" for every command that talks to it (`--push`,
 * release-tag --via=api, release-artifacts, release-assets, release-bindings). Pure: the
 * environment, flags and settings come in as data; the remote's URL is read by the effect
 * that finishes the target (effects/github-target.ts).
 *
 * Precedence (docs/options.md says the same):
 * - repository: `--repository` > $GITHUB_REPOSITORY > setting `githubRepository` > the push
 *   remote's GitHub URL;
 * - API: `--github-api-url` > $GITHUB_API_URL > setting `githubApiUrl` (default
 *   https://api.github.com);
 * - token: the variable the setting `githubTokenEnv` names (default GITHUB_TOKEN), never a flag.
 */
import type { Env } from './env';
import type { ReleaseTrainOptions } from './settings/options';

export interface GitHubTargetRequest {
  /** `owner/name` when a flag, the environment or the setting gave it. */
  repository: { value: string; from: string } | null;
  /** $GITHUB_SERVER_URL (GitHub Enterprise), whose host counts as GitHub in remote URLs. */
  serverUrl: string | undefined;
  apiUrl: string;
  /** The token's value (never printed) and the variable it came from (named in messages). */
  token: string | undefined;
  tokenVar: string;
  /** Who started the run ($GITHUB_ACTOR), when known. */
  actor: string | null;
}

export interface GitHubFlags {
  repository?: string;
  githubApiUrl?: string;
}

export function resolveGitHubTarget(
  options: Pick<ReleaseTrainOptions, 'githubRepository' | 'githubApiUrl' | 'githubTokenEnv'>,
  env: Env,
  flags: GitHubFlags = {},
): GitHubTargetRequest {
  const repository = flags.repository
    ? { value: flags.repository, from: '--repository' }
    : env.GITHUB_REPOSITORY
      ? { value: env.GITHUB_REPOSITORY, from: 'GITHUB_REPOSITORY' }
      : options.githubRepository
        ? { value: options.githubRepository, from: 'the "githubRepository" setting' }
        : null;
  return {
    repository,
    serverUrl: env.GITHUB_SERVER_URL || undefined,
    apiUrl: flags.githubApiUrl || env.GITHUB_API_URL || options.githubApiUrl,
    token: env[options.githubTokenEnv] || undefined,
    tokenVar: options.githubTokenEnv,
    actor: env.GITHUB_ACTOR || null,
  };
}
