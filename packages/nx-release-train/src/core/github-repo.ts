/**
 * Which GitHub repository the train's pull requests and tags go to, and the text of those
 * pull requests. Pure: the environment and the remote's URL come in as data.
 */
import { ReleaseError } from './release';

const NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * `owner/name` of a GitHub remote URL (https, ssh, scp-like `git@host:owner/name.git`) on one
 * of `hosts` (github.com, or a GitHub Enterprise host), else null.
 */
export function repositoryFromUrl(url: string, hosts: readonly string[]): string | null {
  const m = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/|(?:[^@/]+@)?([^/:]+):)([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(url.trim());
  if (!m) return null;
  const host = (m[1] ?? m[2]).toLowerCase();
  if (!hosts.some((h) => h.toLowerCase() === host)) return null;
  const name = `${m[3]}/${m[4]}`;
  return NAME.test(name) ? name : null;
}

export interface RepositorySources {
  /** $GITHUB_REPOSITORY (set in every GitHub Actions job). */
  env?: string;
  /** The push remote's URL, when there is one. */
  remoteUrl?: string | null;
  /** $GITHUB_SERVER_URL (GitHub Enterprise), whose host counts as GitHub too. */
  serverUrl?: string;
  /** The `githubRepository` setting. */
  setting: string | null;
}

/** GITHUB_REPOSITORY, else the remote's GitHub URL, else the setting; none: refused with the fix. */
export function resolveRepository(src: RepositorySources): { repository: string; from: string } {
  const hosts = ['github.com'];
  if (src.serverUrl) {
    try {
      hosts.push(new URL(src.serverUrl).hostname);
    } catch {
      // not a URL: only github.com counts
    }
  }
  if (src.env) {
    if (!NAME.test(src.env)) throw new ReleaseError(`GITHUB_REPOSITORY "${src.env}" is not "owner/name"`, 'unset it, or set it to the repository, e.g. bytecodealliance/wasmtime');
    return { repository: src.env, from: 'GITHUB_REPOSITORY' };
  }
  const fromUrl = src.remoteUrl ? repositoryFromUrl(src.remoteUrl, hosts) : null;
  if (fromUrl) return { repository: fromUrl, from: 'the remote URL' };
  if (src.setting) {
    if (!NAME.test(src.setting)) throw new ReleaseError(`setting "githubRepository" "${src.setting}" is not "owner/name"`, 'set it in the nx-release-train options of nx.json, e.g. "bytecodealliance/wasmtime"');
    return { repository: src.setting, from: 'the "githubRepository" setting' };
  }
  throw new ReleaseError(
    'no GitHub repository to open pull requests in: GITHUB_REPOSITORY is unset and the remote is not a GitHub URL',
    'set GITHUB_REPOSITORY=owner/name, or "githubRepository" in the nx-release-train options of nx.json',
  );
}

export interface ProposalText {
  /** One sentence: what the commit does. */
  summary: string;
  /** Version lines that move (empty when none do, e.g. release day). */
  lines: ReadonlyArray<{ line: string; from: string; to: string }>;
  files: readonly string[];
  /** Who started the run ($GITHUB_ACTOR), when known. */
  actor: string | null;
  command: string;
  /** What merging does, e.g. "CI tags v5.0.0 once it is green, which publishes it". */
  onMerge: string;
}

/** The pull request's description; equal inputs give equal text, so a rerun changes nothing. */
export function proposalBody(t: ProposalText): string {
  const lines = t.lines.length ? ['Versions:', '', ...t.lines.map((l) => `- ${l.line}: ${l.from} -> ${l.to}`), ''] : [];
  return [
    t.summary,
    '',
    ...lines,
    `Files changed (${t.files.length}):`,
    '',
    ...t.files.map((f) => `- \`${f}\``),
    '',
    `On merge: ${t.onMerge}`,
    '',
    `_Proposed by \`${t.command}\` (nx-release-train)${t.actor ? `, run by @${t.actor}` : ''}; a rerun updates this branch and pull request._`,
    '',
  ].join('\n');
}
