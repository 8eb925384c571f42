/**
 * Where `--push` goes on GitHub, read once before anything moves: the repository
 * (GITHUB_REPOSITORY, else the remote's GitHub URL, else the setting), the API
 * (GITHUB_API_URL, else the setting), the token (the variable `githubTokenEnv` names) and who
 * asked (GITHUB_ACTOR). Without a token the push is refused here, with the fix.
 */
import { insecureRemoteProblem } from '../core/bindings/git-host';
import { resolveRepository } from '../core/github-repo';
import type { ReleaseTrainOptions } from '../core/options';
import { ReleaseError } from '../core/release';
import { redact } from './binding-clone';
import type { Git } from './git';

export interface GitHubPush {
  repository: string;
  apiUrl: string;
  token: string;
  /** The variable the token came from (named in messages, never its value). */
  tokenVar: string;
  actor: string | null;
}

export async function githubForPush(options: ReleaseTrainOptions, git: Git, env: NodeJS.ProcessEnv = process.env): Promise<GitHubPush> {
  const tokenVar = options.githubTokenEnv;
  const token = env[tokenVar];
  if (!token) {
    throw new ReleaseError(
      `--push needs a GitHub token in ${tokenVar} (to push the review branches and open the pull requests); nothing was changed or pushed`,
      `export ${tokenVar} with a token allowed to push branches and open pull requests (contents: write, pull-requests: write), ` +
        `or name another variable in the "githubTokenEnv" setting; run without --push to prepare the commits locally only`,
    );
  }
  const remoteUrl = (await git.run(['remote', 'get-url', '--push', options.remote], { reject: false })).stdout.trim() || null;
  const insecure = remoteUrl && insecureRemoteProblem(redact(remoteUrl));
  if (insecure) throw new ReleaseError(`refused to push: ${insecure}; ${tokenVar} is set, and git would offer it there`, `use an https:// (or ssh) URL for the remote "${options.remote}"`);
  const { repository } = resolveRepository({ env: env.GITHUB_REPOSITORY, remoteUrl: remoteUrl && redact(remoteUrl), serverUrl: env.GITHUB_SERVER_URL, setting: options.githubRepository });
  const apiUrl = env.GITHUB_API_URL || options.githubApiUrl;
  return { repository, apiUrl, token, tokenVar, actor: env.GITHUB_ACTOR || null };
}
