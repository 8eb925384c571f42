/** A revision's workspace, read from git objects (no checkout), planned by the pure core. */
import type { Workspace } from '../core/model';
import type { ReleaseTrainOptions } from '../core/options';
import { ReleaseError } from '../core/release';
import { filesToRead, planVersions, type VersionPlan } from '../core/version';
import { primaryVersion } from '../core/version/lines';
import type { BumpKind } from '../core/version';
import { buildWorkspace } from '../core/workspace';
import type { Git } from '../effects/git';
import { formatDiagnostic } from '../graph/report';

export interface Snapshot {
  commit: string;
  workspace: Workspace;
  files: Map<string, string>;
  /** The options it was read with (they say which lines move). */
  options: ReleaseTrainOptions;
}

export async function snapshot(git: Git, commit: string, options: ReleaseTrainOptions): Promise<Snapshot> {
  const all = await git.listFiles(commit);
  const manifests = all.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'));
  const texts = await git.readFiles(commit, manifests);
  const workspace = buildWorkspace({ manifests, read: (p) => texts.get(p) ?? null });
  const errors = workspace.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    throw new ReleaseError(
      `the workspace at ${commit.slice(0, 12)} has problems:\n${errors.map(formatDiagnostic).join('\n')}`,
      'fix the manifests above and commit, then run the command again',
    );
  }
  const wanted = filesToRead(workspace, options).filter((p) => !texts.has(p));
  const files = new Map([...texts, ...(await git.readFiles(commit, wanted))]);
  return { commit, workspace, files, options };
}

export function plan(snap: Snapshot, options: ReleaseTrainOptions, bump: BumpKind, date?: string): VersionPlan {
  return planVersions({ workspace: snap.workspace, files: snap.files, options, bump, date });
}

/** The version releases are named after (the primary line's current version). */
export function currentVersion(snap: Snapshot): string {
  const version = primaryVersion(snap.workspace, snap.options);
  if (version !== null) return version;
  const moving = snap.workspace.members.some((c) => c.line !== null);
  throw new ReleaseError(
    moving
      ? 'several version lines move and there is no [workspace.package] version, so no line names the release'
      : 'no crate in the workspace has a version that moves',
    moving
      ? 'add [workspace.package] version, or keep the other lines still with the versionLines.fixed setting'
      : 'add [workspace.package] version, or make a crate publishable',
  );
}
