/**
 * `git status --porcelain=v2 --branch -z` read: what is checked out, HEAD's commit and every
 * uncommitted change, in the one process a dirty check starts anyway.
 */

export interface GitStatus {
  /** The checked-out branch; null when HEAD is detached (or names "(detached)": see `parseStatus`). */
  branch: string | null;
  /** HEAD's commit; null on a branch with no commit yet. */
  head: string | null;
  /** Changed, unmerged and untracked paths from the top of the work tree; a rename gives both names. */
  dirty: string[];
  /** git's "(detached)" is also a name a branch may have: symbolic-ref tells the two apart. */
  ambiguousBranch: boolean;
}

/** What follows the first `n` space-separated fields (a path may hold spaces). */
function after(item: string, n: number): string {
  let at = -1;
  for (let k = 0; k < n; k++) at = item.indexOf(' ', at + 1);
  return item.slice(at + 1);
}

export function parseStatus(out: string): GitStatus {
  const status: GitStatus = { branch: null, head: null, dirty: [], ambiguousBranch: false };
  const items = out.split('\0');
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.startsWith('# branch.oid ')) status.head = item === '# branch.oid (initial)' ? null : item.slice('# branch.oid '.length);
    else if (item.startsWith('# branch.head ')) {
      const name = item.slice('# branch.head '.length);
      status.ambiguousBranch = name === '(detached)';
      status.branch = status.ambiguousBranch ? null : name;
    } else if (item.startsWith('1 ')) status.dirty.push(after(item, 8));
    else if (item.startsWith('2 '))
      status.dirty.push(after(item, 9), items[++i]); // renamed or copied: then its old name
    else if (item.startsWith('u ')) status.dirty.push(after(item, 10));
    else if (item.startsWith('? ')) status.dirty.push(item.slice(2));
  }
  return status;
}
