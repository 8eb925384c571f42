/**
 * One `nx release` version run in this process: the workspace model and the texts as they were
 * before anything was written, the version Nx chose for each crate so far, and the plan for
 * them. Every edit is planned from the original texts with every version chosen so far, so the
 * files Nx writes are exactly what one train plan for those versions would write, however Nx
 * orders its calls.
 */
import { realpathSync } from 'node:fs';
import { ReleaseError } from '../core/errors';
import type { Crate, Workspace } from '../core/model';
import { pluginOptions, type PluginEntry } from '../core/settings/nx-json';
import { OptionsError, resolveOptions, type ReleaseTrainOptions } from '../core/settings/options';
import { filesToRead } from '../core/version';
import { planMoves, type MovesPlan } from '../core/version/nx-plan';
import { buildWorkspace } from '../core/workspace';
import { findManifests } from '../effects/workspace-fs';

export interface ReleaseRun {
  root: string;
  workspace: Workspace;
  options: ReleaseTrainOptions;
  /** Texts before the run wrote anything, by path relative to the root. */
  originals: Map<string, string>;
  /** New version by crate name, as Nx chose them. */
  versions: Map<string, string>;
  /** The Nx tree of this run, once one was seen: another tree is another `nx release`. */
  tree?: object;
}

const runs = new Map<string, ReleaseRun>();
/** Nx names the root as its tree does or as it found it: one run per directory either way. */
const keyOf = (root: string): string => {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
};

/**
 * The run for `root`, started on first use. `read` gives a file's text as the run found it
 * (Nx's tree before any write), null when absent; `nxJson` is the parsed nx.json; `tree` is
 * Nx's tree when the caller has one (a run left by an `nx release` that failed before its end,
 * in a process that calls Nx's release API again, is not reused for another tree).
 */
export function releaseRun(root: string, read: (path: string) => string | null, nxJson: unknown, tree?: object): ReleaseRun {
  let run = runs.get(keyOf(root));
  if (run && tree && run.tree && run.tree !== tree) run = undefined;
  if (run) {
    run.tree ??= tree;
    return run;
  }
  const raw = pluginOptions((nxJson as { plugins?: PluginEntry[] } | null)?.plugins, 'nx-release-train');
  const { options, problems } = resolveOptions(raw);
  if (problems.length > 0) throw new OptionsError(problems);
  // The model of the texts the edits start from (Nx's tree), not of a cache.
  const workspace = buildWorkspace({ manifests: findManifests(root), read });
  const originals = new Map<string, string>();
  // Release notes are the train's (release-major rotates them); nx release leaves them alone.
  for (const file of filesToRead(workspace, options).filter((f) => f !== options.releasesFile && f !== options.releasesTemplate)) {
    const text = read(file);
    if (text !== null) originals.set(file, text);
  }
  run = { root, workspace, options, originals, versions: new Map(), tree };
  runs.set(keyOf(root), run);
  return run;
}

/** The run for `root` if one started, and forgets it (the next `nx release` starts afresh). */
export function finishRun(root: string): ReleaseRun | undefined {
  const run = runs.get(keyOf(root));
  runs.delete(keyOf(root));
  return run;
}

/** Records `crate` at `version` and plans every version recorded so far (throws PlanError). */
export function moveCrate(run: ReleaseRun, crate: string, version: string): MovesPlan {
  run.versions.set(crate, version);
  return planRun(run);
}

export function planRun(run: ReleaseRun): MovesPlan {
  return planMoves({ workspace: run.workspace, files: run.originals, options: run.options, versions: run.versions });
}

/** The crate of a project: the one at its root (a project.json may rename it), else by name. */
export function crateOf(run: ReleaseRun, name: string, root?: string): Crate {
  const crate = run.workspace.members.find((c) => root !== undefined && c.dir === root) ?? run.workspace.members.find((c) => c.name === name);
  if (!crate)
    throw new ReleaseError(
      `nx.json release groups list project ${name}, which is not a crate of the Cargo workspace`,
      'list only crates in the release groups (nx g nx-release-train:release-config)',
    );
  return crate;
}

/** Manifests are Nx's to write (its tree); the rest (Cargo.lock, version files) afterwards. */
export const isManifest = (file: string): boolean => file === 'Cargo.toml' || file.endsWith('/Cargo.toml');
