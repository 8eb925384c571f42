/** Release branches as git knows them, local and on the remote, newest first. */
import { branchGlob, releaseBranches, type ReleaseBranch } from '../core/release';
import type { Git } from '../effects/git';
import type { CommandContext } from './context';

export interface KnownBranch extends ReleaseBranch {
  local: string | null;
  remote: string | null;
}

export async function knownReleaseBranches(ctx: CommandContext, git: Git): Promise<KnownBranch[]> {
  const { local, remote } = await git.branches(branchGlob(ctx.options), ctx.options.remote);
  return releaseBranches([...local.keys(), ...remote.keys()], ctx.options).map((b) => ({
    ...b,
    local: local.get(b.name) ?? null,
    remote: remote.get(b.name) ?? null,
  }));
}

/** The commit a release branch's work starts from: the local branch, else the remote one. */
export function tipOf(branch: KnownBranch): string {
  return (branch.local ?? branch.remote)!;
}
