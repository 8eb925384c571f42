/**
 * A checked-out branch the train moves stays whole. Before any ref moves, git itself is asked
 * (`read-tree -n`) whether the working tree can follow; local edits in the way stop the run
 * with nothing changed. The working tree then moves from the commit that is checked out (never
 * from a newer remote tip, which would leave the fix it lacked staged in reverse). A run
 * killed between the ref update and that move is finished by the next run of any train
 * command: the branch's reflog names the train's command and the index still holds the
 * tree the branch had before.
 */
import { ReleaseError } from '../../core/release';
import { requireIndexUnlocked } from './repo-checks';
import type { Train } from './train';

/** The working tree's move after the refs moved: from the checked-out commit to the new one. */
export interface Follow {
  branch: string;
  from: string;
  to: string;
}

/**
 * Checked before any ref moves: when `branch` is checked out, the working tree must be able to
 * follow it to `to`; returns the move to make after the refs moved (null: not checked out).
 */
export async function checkoutGuard(ctx: Train, branch: string, to: string): Promise<Follow | null> {
  const git = ctx.git;
  if ((await git.currentBranch()) !== branch) return null;
  await requireIndexUnlocked(git);
  const from = (await git.resolve('HEAD'))!;
  if (from === to) return null;
  const trial = await git.run(['read-tree', '-m', '-u', '-n', from, to], { reject: false });
  if (trial.exitCode !== 0) {
    const changed = (await git.out(['diff', '--name-only', '-z', from, to])).split('\0').filter(Boolean);
    const dirty = (await git.dirtyPaths()).filter((p) => changed.includes(p));
    const named = dirty.length ? dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '') : trial.stderr.trim();
    throw new ReleaseError(
      `${branch} is checked out and has uncommitted changes to files the release changes (${named}); nothing was changed`,
      `commit or stash them (git stash), run the command again, then git stash pop; or switch to another branch (git switch ${ctx.options.mainBranch})`,
    );
  }
  return { branch, from, to };
}

/** Brings the working tree along after the refs moved (see checkoutGuard). */
export async function follow(ctx: Train, move: Follow | null): Promise<boolean> {
  if (!move) return false;
  await ctx.git.moveWorktree(move.from, move.to);
  return true;
}

/** What a killed run left and the next run finished. */
export interface Finished extends Follow {
  /** The reflog message of the ref update (`nx release-rc: Release Wasmtime 49.0.0-rc.2`). */
  reason: string;
}

/**
 * Finishes a train command killed after its ref update but before the working tree followed:
 * the checked-out branch was last moved by the train, and the index still holds the tree the
 * branch had before that move. Returns what was (or, on a dry run, would be) finished.
 */
export async function finishInterruptedFollow(ctx: Train): Promise<Finished | null> {
  const git = ctx.git;
  const branch = await git.currentBranch();
  if (!branch) return null;
  const last = await git.run(['log', '-g', '-1', '--format=%gs', `refs/heads/${branch}`, '--'], { reject: false });
  const reason = last.exitCode === 0 ? last.stdout.trim() : '';
  if (!/^nx release-(major|latest|patch|rc): /.test(reason)) return null;
  const [to, from] = [await git.resolve('HEAD'), await git.resolve(`refs/heads/${branch}@{1}`)];
  if (!to || !from || from === to) return null;
  const index = await git.run(['write-tree'], { reject: false });
  if (index.exitCode !== 0) return null;
  const tree = index.stdout.trim();
  if (tree === (await git.out(['rev-parse', `${to}^{tree}`])) || tree !== (await git.out(['rev-parse', `${from}^{tree}`]))) return null;
  const what = `${branch} was moved by "${reason}" to ${to.slice(0, 12)} but its working tree stayed at ${from.slice(0, 12)} (an interrupted run)`;
  if (ctx.dryRun) {
    ctx.log.info(`[dry run] ${what}: would bring the working tree to ${to.slice(0, 12)}`);
  } else {
    await requireIndexUnlocked(git);
    await git.moveWorktree(from, to);
    ctx.log.info(`${what}: brought the working tree to ${to.slice(0, 12)}`);
  }
  return { branch, from, to, reason };
}
