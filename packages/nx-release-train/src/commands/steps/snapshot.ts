/** A revision's workspace, read from git objects (no checkout), planned by the pure core. */
import type { Workspace } from '../../core/model';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { ReleaseError } from '../../core/release';
import { filesToRead, planVersions, type VersionPlan } from '../../core/version';
import { primaryVersion } from '../../core/version/lines';
import type { BumpKind } from '../../core/version';
import { buildWorkspace } from '../../core/workspace';
import type { Git } from '../../effects/git';
import { formatProblem } from '../../core/errors';
import { linkedCrateFiles } from '../../core/tree-links';
import type { CutLevel, LineHistory } from '../../core/version/line-moves';
import { lineHistory } from './line-history';

export interface Snapshot {
  commit: string;
  workspace: Workspace;
  files: Map<string, string>;
  /** Paths seen through a symbolic link to a crate directory -> the real path (see core/tree-links). */
  aliases: Map<string, string>;
  /** The options it was read with (they say which lines move). */
  options: ReleaseTrainOptions;
  /** What git says about the lines the settings leave to it (steps/line-history.ts). */
  history: LineHistory;
}

/**
 * `root`: the workspace's directory inside the repository, when it is not at its top
 * (tools/check-history's --root); paths in the snapshot are relative to it.
 */
export function snapshot(git: Git, commit: string, options: ReleaseTrainOptions, root = ''): Promise<Snapshot> {
  // Its reads (links, manifests, the files the plan edits, the lines' tags) share one git process.
  return git.reading(() => read(git, commit, options, root));
}

async function read(git: Git, commit: string, options: ReleaseTrainOptions, root: string): Promise<Snapshot> {
  const prefix = root ? `${root.replace(/\/+$/, '')}/` : '';
  const tree = (await git.listTree(commit)).filter((e) => e.path.startsWith(prefix)).map((e) => ({ ...e, path: e.path.slice(prefix.length) }));
  const links = tree.filter((e) => e.mode === '120000').map((e) => e.path);
  const aliases = linkedCrateFiles(
    tree.map((e) => e.path),
    // Only links to crate directories matter to a release; one whose target is not UTF-8
    // cannot be one, so it must not block the release (as an edited file's bad byte does).
    links.length ? await readPrefixed(git, commit, prefix, links, 'skip') : new Map(),
  );
  const all = [...tree.map((e) => e.path), ...aliases.keys()];
  const readAliased = async (paths: string[]) => {
    const texts = await readPrefixed(
      git,
      commit,
      prefix,
      paths.map((p) => aliases.get(p) ?? p),
    );
    return new Map(paths.filter((p) => texts.has(aliases.get(p) ?? p)).map((p) => [p, texts.get(aliases.get(p) ?? p)!]));
  };
  const manifests = all.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'));
  const texts = await readAliased(manifests);
  const workspace = buildWorkspace({ manifests, read: (p) => texts.get(p) ?? null });
  const errors = workspace.diagnostics.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    throw new ReleaseError(
      `the workspace at ${commit.slice(0, 12)} has problems:\n${errors.map(formatProblem).join('\n')}`,
      'fix the manifests above and commit, then run the command again',
    );
  }
  const wanted = filesToRead(workspace, options).filter((p) => !texts.has(p));
  const files = new Map([...texts, ...(await readAliased(wanted))]);
  return { commit, workspace, files, aliases, options, history: await lineHistory(git, commit, workspace, options, prefix) };
}

async function readPrefixed(git: Git, commit: string, prefix: string, paths: string[], nonUtf8: 'refuse' | 'skip' = 'refuse'): Promise<Map<string, string>> {
  const texts = await git.readFiles(
    commit,
    paths.map((p) => prefix + p),
    nonUtf8,
  );
  return new Map([...texts].map(([p, t]) => [p.slice(prefix.length), t]));
}

/** The plan of a snapshot; an edit seen through a linked directory lands on the real file. */
export function planAt(snap: Snapshot, options: ReleaseTrainOptions, bump: BumpKind, date?: string, level?: CutLevel): VersionPlan {
  const thePlan = planVersions({ workspace: snap.workspace, files: snap.files, options, bump, date, level, history: snap.history });
  if (snap.aliases.size === 0) return thePlan;
  return { ...thePlan, edits: thePlan.edits.map((e) => ({ ...e, file: snap.aliases.get(e.file) ?? e.file })) };
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
      ? 'set versionLines.release to a crate of the line the release is named after (or add [workspace.package] version)'
      : 'add [workspace.package] version, or make a crate publishable',
  );
}
