/** Read-only questions to the git directory a repository may be backed by. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The commit a branch points at, or null when there is no such branch. */
export async function branchSha(gitDir: string, branch: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['--git-dir', gitDir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** True when `ancestor` is reachable from `descendant` (so a PR would have no commits). */
export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  try {
    await run('git', ['--git-dir', gitDir, 'merge-base', '--is-ancestor', ancestor, descendant]);
    return true;
  } catch {
    return false;
  }
}
