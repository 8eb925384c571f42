/**
 * GitHub repositories as `owner/name` (checked, or read from a remote's URL), and the text of
 * the train's pull requests. Pure. Which repository a command uses is core/github-target.ts.
 */

/** A GitHub repository as `owner/name`: the one check every setting, flag and variable goes through. */
export const OWNER_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function isOwnerName(value: string): boolean {
  return OWNER_NAME.test(value);
}

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
  return isOwnerName(name) ? name : null;
}

export interface ProposalText {
  /** One sentence: what the commit does. */
  summary: string;
  /** Version lines that move (empty when none do, e.g. release day). */
  lines: ReadonlyArray<{ line: string; from: string; to: string }>;
  /** Version lines the release leaves where they are, each with the reason (core/version/line-moves.ts). */
  staying?: ReadonlyArray<{ line: string; version: string; reason: string }>;
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
  const staying = t.staying?.length ? ['Lines that stay:', '', ...t.staying.map((l) => `- ${l.line} at ${l.version}: ${l.reason}`), ''] : [];
  return [
    t.summary,
    '',
    ...lines,
    ...staying,
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
