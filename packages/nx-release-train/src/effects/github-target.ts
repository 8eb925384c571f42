/**
 * Finishes the one GitHub target (core/github-target.ts) where git is needed: the repository
 * from the push remote's GitHub URL when no flag, variable or setting gave it. Commands that
 * write to GitHub require the token here, before anything moves.
 */
import { insecureRemoteProblem } from '../core/bindings/git-host';
import { isOwnerName, repositoryFromUrl } from '../core/github-repo';
import type { GitHubTargetRequest } from '../core/github-target';
import { ReleaseError } from '../core/release';
import { redact } from './git-credentials';
import type { Git } from './git';

export interface GitHub {
  repository: string;
  apiUrl: string;
  token: string;
  /** The variable the token came from (named in messages, never its value). */
  tokenVar: string;
  actor: string | null;
}

/** Kept name for the train's `--push`. */
export type GitHubPush = GitHub;

/** What the token is for, named in the refusal when it is missing. */
export interface TokenPurpose {
  needs: string;
  fix: string;
  without?: string;
}

/**
 * The repository, API and token; `purpose` says what the token is for in the refusal. With
 * `remote`, the remote's URL is checked (a token is never offered to a plain-http remote) and
 * used for the repository when nothing else named it.
 */
export async function githubTarget(req: GitHubTargetRequest, purpose: TokenPurpose, git?: Git, remote?: string): Promise<GitHub> {
  const token = requireGitHubToken(req, purpose);
  const remoteUrl = await pushUrl(git, remote);
  const insecure = remoteUrl && insecureRemoteProblem(remoteUrl);
  if (insecure)
    throw new ReleaseError(
      `refused to push: ${insecure}; ${req.tokenVar} is set, and git would offer it there`,
      `use an https:// (or ssh) URL for the remote "${remote}"`,
    );
  return { repository: repositoryOf(req, remoteUrl), apiUrl: req.apiUrl, token, tokenVar: req.tokenVar, actor: req.actor };
}

/** The token, or the refusal naming its variable and what it is for. */
export function requireGitHubToken(req: GitHubTargetRequest, purpose: TokenPurpose): string {
  if (!req.token) {
    throw new ReleaseError(
      `${purpose.needs} needs a GitHub token in ${req.tokenVar}; nothing was changed`,
      `export ${req.tokenVar} with a token allowed to ${purpose.fix}, or name another variable in the "githubTokenEnv" setting${purpose.without ? `; ${purpose.without}` : ''}`,
    );
  }
  return req.token;
}

/**
 * The repository alone, for a command that builds before it needs the token (the token goes
 * to the API only, never to git, so the remote's scheme does not matter here).
 */
export async function githubRepository(req: GitHubTargetRequest, git?: Git, remote?: string): Promise<string> {
  return repositoryOf(req, await pushUrl(git, remote));
}

/** The push URL of `remote` (credentials redacted), when there is one. */
async function pushUrl(git: Git | undefined, remote: string | undefined): Promise<string | null> {
  if (!git || !remote) return null;
  const url = (await git.run(['remote', 'get-url', '--push', remote], { reject: false })).stdout.trim();
  return url ? redact(url) : null;
}

function repositoryOf(req: GitHubTargetRequest, remoteUrl: string | null): string {
  if (req.repository) {
    if (!isOwnerName(req.repository.value))
      throw new ReleaseError(
        `${req.repository.from} "${req.repository.value}" is not "owner/name"`,
        'give the repository as owner/name, e.g. bytecodealliance/wasmtime',
      );
    return req.repository.value;
  }
  const hosts = ['github.com'];
  if (req.serverUrl) {
    try {
      hosts.push(new URL(req.serverUrl).hostname);
    } catch {
      // not a URL: only github.com counts
    }
  }
  const fromUrl = remoteUrl ? repositoryFromUrl(remoteUrl, hosts) : null;
  if (fromUrl) return fromUrl;
  throw new ReleaseError(
    'no GitHub repository: GITHUB_REPOSITORY is unset, no "githubRepository" setting, and the remote is not a GitHub URL',
    'set GITHUB_REPOSITORY=owner/name, or "githubRepository" in the nx-release-train options of nx.json',
  );
}

/** The train's `--push`: token, repository and API, refused before anything moves. */
export function githubForPush(req: GitHubTargetRequest, git: Git, remote: string): Promise<GitHubPush> {
  return githubTarget(
    req,
    {
      needs: '--push (to push the review branches and open the pull requests)',
      fix: 'push branches and open pull requests (contents: write, pull-requests: write)',
      without: 'run without --push to prepare the commits locally only',
    },
    git,
    remote,
  );
}
