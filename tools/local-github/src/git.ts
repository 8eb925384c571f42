/**
 * The git directory a repository may be backed by: questions about its branches, and the
 * writes GitHub itself makes there (a merged pull request, a ref created through the API).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export const run = promisify(execFile);

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

async function out(gitDir: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<string> {
  const pending = run('git', ['--git-dir', gitDir, ...args], { env: { ...process.env, ...env } });
  // A command that exits without reading its input must not fail the call with EPIPE.
  pending.child.stdin?.on('error', () => undefined);
  pending.child.stdin?.end(input ?? '');
  return (await pending).stdout.trim();
}

/** True when `sha` names a commit in the repository. */
export async function commitExists(gitDir: string, sha: string): Promise<boolean> {
  try {
    await run('git', ['--git-dir', gitDir, 'cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The object a full ref name points at, or null. */
export async function refSha(gitDir: string, ref: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['--git-dir', gitDir, 'rev-parse', '--verify', '--quiet', ref]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Moves (or creates, `from` null) a ref, only if it still has the expected old value. */
export async function updateRef(gitDir: string, ref: string, to: string, from: string | null): Promise<void> {
  await run('git', ['--git-dir', gitDir, 'update-ref', ref, to, from ?? '0'.repeat(40)]);
}

export interface MergeIdentity {
  name: string;
  email: string;
  /** ISO time, used for author and committer dates of the commits the merge writes. */
  date: string;
}

const identityEnv = (who: MergeIdentity): NodeJS.ProcessEnv => ({
  GIT_AUTHOR_NAME: who.name,
  GIT_AUTHOR_EMAIL: who.email,
  GIT_AUTHOR_DATE: who.date,
  GIT_COMMITTER_NAME: who.name,
  GIT_COMMITTER_EMAIL: who.email,
  GIT_COMMITTER_DATE: who.date,
});

/** The tree of merging `head` into `base`, or null when they conflict. */
export async function mergedTree(gitDir: string, base: string, head: string): Promise<string | null> {
  try {
    return (await out(gitDir, ['merge-tree', '--write-tree', '--no-messages', base, head])).split('\n')[0];
  } catch {
    return null;
  }
}

export async function commitTree(gitDir: string, tree: string, parents: string[], message: string, who: MergeIdentity): Promise<string> {
  return out(gitDir, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p]), '-F', '-'], identityEnv(who), message);
}

/** Commits of `head` not in `base`, oldest first. */
export async function commitsBetween(gitDir: string, base: string, head: string): Promise<string[]> {
  return (await out(gitDir, ['rev-list', '--reverse', '--no-merges', `${base}..${head}`])).split('\n').filter(Boolean);
}

/** A commit's tree, message and author, to replay it as GitHub's rebase merge does. */
export async function readCommit(
  gitDir: string,
  sha: string,
): Promise<{ tree: string; message: string; author: { name: string; email: string; date: string } }> {
  const [tree, name, email, date] = (await out(gitDir, ['log', '-1', '--format=%T%n%an%n%ae%n%aI', sha])).split('\n');
  const message = await out(gitDir, ['log', '-1', '--format=%B', sha]);
  return { tree, message: message + '\n', author: { name, email, date } };
}

/** Replays `sha` on `parent` keeping its author; the committer is the one merging. */
export async function replayCommit(gitDir: string, sha: string, parent: string, who: MergeIdentity): Promise<string> {
  const c = await readCommit(gitDir, sha);
  const env = { ...identityEnv(who), GIT_AUTHOR_NAME: c.author.name, GIT_AUTHOR_EMAIL: c.author.email, GIT_AUTHOR_DATE: c.author.date };
  return out(gitDir, ['commit-tree', c.tree, '-p', parent, '-F', '-'], env, c.message);
}
