import { existsSync } from 'node:fs';
import { ReleaseError } from '../core/release';
import type { Git } from '../effects/git';

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
  const lock = await git.gitPath('index.lock');
  if (!existsSync(lock)) return;
  throw new ReleaseError(
    `${lock} exists: another git process is using the index, so the working tree could not follow the release; nothing was changed`,
    `wait for the other git command to finish; if none is running, a crashed one left the lock behind: remove ${lock}`,
  );
}
