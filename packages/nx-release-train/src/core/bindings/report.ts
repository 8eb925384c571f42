/** What `nx release-bindings` says: the pull request text and the closing table. */
import { fillPattern } from '../settings/pattern';

export interface RepoOutcome {
  /** The repo's short name. */
  repo: string;
  branch: string;
  /** Pull request URL, or '-' when there is none. */
  pullRequest: string;
  /** What happened (or, in a dry run, what would), in a few words. */
  state: string;
  ok: boolean;
}

/**
 * The pull request description. It depends only on its inputs, so a rerun that finds the
 * same description leaves the pull request alone.
 */
export function pullRequestBody(version: string, tagPattern: string, files: readonly string[]): string {
  const changes = files.length
    ? ['Files changed:', '', ...files.map((f) => `- \`${f}\``)]
    : ['No file in this repository carries the version: this commit marks what to release.'];
  return [
    `Moves this repository to version ${version}, with the release it follows.`,
    '',
    ...changes,
    '',
    `After merging, tag the merge commit \`${fillPattern(tagPattern, version)}\`.`,
    '',
    '_Opened by `nx release-bindings` (nx-release-train); a rerun updates this branch and pull request._',
    '',
  ].join('\n');
}

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function renderTable(outcomes: readonly RepoOutcome[]): string {
  const rows = [['repo', 'branch', 'pull request', 'state'], ...outcomes.map((o) => [o.repo, o.branch, o.pullRequest, o.ok ? o.state : `FAILED: ${o.state}`])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => firstLine(r[c]).length)));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? firstLine(cell) : firstLine(cell).padEnd(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Cells hold one line; details of a failure are printed above the table. */
function firstLine(text: string): string {
  return text.split('\n')[0];
}
