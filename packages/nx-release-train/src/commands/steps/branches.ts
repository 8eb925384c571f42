/** Release branches as git knows them, local and on the remote, newest first. */
import { branchGlob, ReleaseError, releaseBranches, type ReleaseBranch } from '../../core/release';
import { isAnyReleaseCommit } from '../../core/release-line';
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

/**
 * The release branches, at least one: none is refused, and a clone that cannot see the
 * remote's (shallow, or fetching one branch only, as CI checkouts do) is named as such.
 */
export async function requireReleaseBranches(ctx: Train): Promise<KnownBranch[]> {
  const branches = await knownReleaseBranches(ctx);
  if (branches.length > 0) return branches;
  const { remote, branchPattern } = ctx.options;
  const git = ctx.git;
  const fetches = (await git.run(['config', '--get-all', `remote.${remote}.fetch`], { reject: false })).stdout.split('\n').filter(Boolean);
  const shallow = (await git.out(['rev-parse', '--is-shallow-repository'])) === 'true';
  const single = fetches.length > 0 && !fetches.some((f) => /^\+?refs\/heads\/\*:/.test(f));
  if (shallow || single) {
    const glob = branchGlob(ctx.options);
    throw new ReleaseError(
      `no release branch (${branchPattern}) is known here: this clone is ${[shallow && 'shallow', single && `fetches only ${fetches.map((f) => f.replace(/^\+?refs\/heads\/([^:]*):.*$/, '$1')).join(', ')} from ${remote}`].filter(Boolean).join(' and ')}, so the release branches on ${remote} were never fetched`,
      `fetch them: git fetch ${shallow ? '--unshallow ' : ''}${remote} '+refs/heads/${glob}:refs/remotes/${remote}/${glob}' (in CI: actions/checkout with fetch-depth: 0)`,
    );
  }
  throw new ReleaseError(`no release branch (${branchPattern}) exists locally or on ${remote}`, 'cut one first with `nx release-major`');
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

/**
 * The commit a train command builds on: as `newestTip`, except that release commits of the
 * train's own that are only local never count as work. Diverged from the remote by such
 * commits alone (a proposal squashed, or merged another way), the remote branch is used;
 * with `overProposals` (release-rc), a local branch merely ahead by them is passed over too,
 * so a candidate is never stacked on an unmerged (or rejected) proposal.
 */
export async function workTip(ctx: Train, branch: KnownBranch, overProposals = false): Promise<string> {
  const git = ctx.git;
  const { local, remote } = branch;
  if (local && remote && local !== remote && !(await git.isAncestor(local, remote))) {
    const ahead = await git.isAncestor(remote, local);
    if (!ahead || overProposals) {
      const own = (await git.out(['rev-list', `${remote}..${local}`])).split('\n').filter(Boolean);
      const proposals = [];
      for (const c of own) if (isAnyReleaseCommit(await git.commitMessage(c), ctx.options)) proposals.push(c);
      if (proposals.length === own.length) {
        ctx.log.info(
          `${branch.name} has ${own.length === 1 ? 'a release commit' : `${own.length} release commits`} of the train that ${ctx.options.remote}/${branch.name} lacks ` +
            `(${own.map((c) => c.slice(0, 12)).join(', ')}: a proposal ${ahead ? 'not merged yet' : 'merged in another shape, or dropped'}); ` +
            `building on ${ctx.options.remote}/${branch.name} (${remote.slice(0, 12)})`,
        );
        return remote;
      }
    }
  }
  return newestTip(git, branch, ctx.options.remote);
}
