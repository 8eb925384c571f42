/** Checks of the repository a train command runs in, made before anything moves. */
import { existsSync } from 'node:fs';
import { ReleaseError } from '../../core/release';
import type { Git } from '../../effects/git';

export async function requireRepo(git: Git): Promise<void> {
  if (!(await git.isRepo())) {
    throw new ReleaseError(`${git.cwd} is not inside a git repository`, 'run the command from the root of the repository (git init if it is new)');
  }
}

/**
 * The working tree follows a moved branch through the index; a held index.lock would stop it
 * after the refs moved (leaving a staged reverse diff), so it is checked before anything moves.
 */
export async function requireIndexUnlocked(git: Git): Promise<void> {
  const lock = (await git.layout())?.indexLock;
  if (lock === undefined || !existsSync(lock)) return;
  throw new ReleaseError(
    `${lock} exists: another git process is using the index, so the working tree could not follow the release; nothing was changed`,
    `wait for the other git command to finish; if none is running, a crashed one left the lock behind: remove ${lock}`,
  );
}

/**
 * Uncommitted changes stop a cut unless `--allow-dirty` is passed (the release commit is built
 * from HEAD, so they would silently stay out of it); even then, none may touch a file the
 * release edits. Paths under `ignored` (directories relative to the workspace root: Nx's own
 * cache and workspace data) are not the user's changes and never count.
 */
export async function requireClean(
  git: Git,
  opts: { allowDirty: boolean; planned: string[]; ignored: string[]; /** git status's paths, when the caller has them. */ dirty?: readonly string[] },
): Promise<void> {
  // git status names paths from the repository's top; the workspace may sit below it.
  const prefix = opts.ignored.length ? ((await git.layout())?.prefix ?? '') : '';
  const ignored = opts.ignored.map((d) => `${prefix}${d.replace(/\/+$/, '')}/`);
  const dirty = (opts.dirty ?? (await git.dirtyPaths())).filter((p) => !ignored.some((d) => p.startsWith(d)));
  if (dirty.length === 0) return;
  const listed = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '');
  if (!opts.allowDirty) {
    throw new ReleaseError(
      `the working tree has uncommitted changes: ${listed}`,
      'commit or stash them, or pass --allow-dirty (the release commit is built from HEAD, so they stay out of it)',
    );
  }
  const overlap = dirty.filter((p) => opts.planned.includes(p));
  if (overlap.length > 0) {
    throw new ReleaseError(`uncommitted changes in files the release edits: ${overlap.join(', ')}`, 'commit or stash the changes to these files first');
  }
}
