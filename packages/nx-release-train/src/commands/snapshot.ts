/** A revision's workspace, read from git objects (no checkout), planned by the pure core. */
import type { Workspace } from '../core/model';
import type { ReleaseTrainOptions } from '../core/options';
import { ReleaseError } from '../core/release';
import { filesToRead, planVersions, type VersionPlan } from '../core/version';
import type { BumpKind } from '../core/version';
import { buildWorkspace } from '../core/workspace';
import type { Git } from '../effects/git';
import { formatProblem } from '../core/errors';

export interface Snapshot {
  commit: string;
  workspace: Workspace;
  files: Map<string, string>;
}

export async function snapshot(git: Git, commit: string, options: ReleaseTrainOptions): Promise<Snapshot> {
  const all = await git.listFiles(commit);
  const manifests = all.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'));
  const texts = await git.readFiles(commit, manifests);
  const workspace = buildWorkspace({ manifests, read: (p) => texts.get(p) ?? null });
  const errors = workspace.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    throw new ReleaseError(
      `the workspace at ${commit.slice(0, 12)} has problems:\n${errors.map(formatProblem).join('\n')}`,
      'fix the manifests above and commit, then run the command again',
    );
  }
  const wanted = filesToRead(workspace, options).filter((p) => !texts.has(p));
  const files = new Map([...texts, ...(await git.readFiles(commit, wanted))]);
  return { commit, workspace, files };
}

export function plan(snap: Snapshot, options: ReleaseTrainOptions, bump: BumpKind, date?: string): VersionPlan {
  return planVersions({ workspace: snap.workspace, files: snap.files, options, bump, date });
}

/** The version releases are named after (the primary line's current version). */
export function currentVersion(snap: Snapshot): string {
  const ws = snap.workspace;
  if (ws.version) return ws.version;
  const moving = ws.members.find((c) => c.line !== null);
  if (!moving) throw new ReleaseError('no crate in the workspace has a version that moves', 'add [workspace.package] version, or make a crate publishable');
  return moving.version;
}
