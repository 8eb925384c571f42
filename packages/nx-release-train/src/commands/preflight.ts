import { ReleaseError } from '../core/release';
import type { Git } from '../effects/git';

export async function requireRepo(git: Git): Promise<void> {
  if (!(await git.isRepo())) {
    throw new ReleaseError(`${git.cwd} is not inside a git repository`, 'run the command from the root of the repository (git init if it is new)');
  }
}
