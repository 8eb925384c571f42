/** Release branches as git knows them, local and on the remote, newest first. */
import { branchGlob, ReleaseError, releaseBranches, type ReleaseBranch } from '../../core/release';
import type { Git } from '../../effects/git';
import type { Train } from './train';

export interface KnownBranch extends ReleaseBranch {
  local: string | null;
  remote: string | null;
}

export async function knownReleaseBranches(ctx: Train): Promise<KnownBranch[]> {
  const { local, remote } = await ctx.git.branches(branchGlob(ctx.options), ctx.options.remote);
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

/**
 * The commit a release branch's work starts from: the newer of the local branch and the
 * remote one when one descends from the other (a fix landed on the remote is never left out;
 * unpushed local work is never dropped). Diverged branches are refused, naming both commits.
 */
export async function newestTip(git: Git, branch: KnownBranch, remoteName: string): Promise<string> {
  const { local, remote } = branch;
  if (!local || !remote || local === remote) return (local ?? remote)!;
  if (await git.isAncestor(local, remote)) return remote;
  if (await git.isAncestor(remote, local)) return local;
  throw new ReleaseError(
    `${branch.name} (${local.slice(0, 12)}) and ${remoteName}/${branch.name} (${remote.slice(0, 12)}) have diverged: each has commits the other lacks`,
    `bring them together first (git switch ${branch.name} && git pull --rebase ${remoteName} ${branch.name}), then run the command again`,
  );
}
