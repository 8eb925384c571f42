/**
 * `nx release` for Cargo crates (issue 25): Nx 24's VersionActions over the plugin's workspace
 * model and byte-exact edits. nx.json: `"release": { "version": { "versionActions":
 * "nx-release-train/version-actions" } }` (`nx g nx-release-train:release-config` writes it).
 *
 * - current versions come from the model (an inherited version is the root's
 *   `[workspace.package] version`), or from the registry's sparse index;
 * - keywords take the train's steps or are refused with the command that does it
 *   (core/version/nx-arithmetic.ts); explicit versions are taken as given;
 * - manifests: every version Nx chose so far is planned at once from the original texts
 *   (core/version/nx-plan.ts) and written to Nx's tree, so the workspace version moves once and
 *   `workspace = true` requirements move in `[workspace.dependencies]`;
 * - afterAllProjectsVersioned (after-all.ts) writes Cargo.lock and the version files.
 */
import { readNxJson, workspaceRoot, type ProjectGraph, type Tree } from '@nx/devkit';
import { VersionActions, type AfterAllProjectsVersioned } from 'nx/release';
import * as semver from 'semver';
import { formatFailure, ReleaseError } from '../core/errors';
import type { Crate, DepKind } from '../core/model';
import { tokenEnvVar } from '../core/publishing/retry';
import { primaryVersion } from '../core/version/lines';
import { followLine, nxNextVersion } from '../core/version/nx-arithmetic';
import { registryIndexUrl } from '../effects/cargo-config';
import { sparseIndexClient } from '../effects/registry-client';
import { readText } from '../effects/workspace-fs';
import { writeAfterAll } from './after-all';
import { crateOf, isManifest, moveCrate, releaseRun, type ReleaseRun } from './release-run';

const COLLECTION: Record<DepKind, string> = { normal: 'dependencies', dev: 'dev-dependencies', build: 'build-dependencies' };

/** A refusal of this adapter's own (the message carries the fix). */
class Refusal extends Error {}

/** Nx prints only an error's message: the plugin's failures carry their fix (and every problem) in it. */
async function nxErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof ReleaseError) && !(e instanceof Refusal)) throw e;
    const refusal = new Error(e instanceof ReleaseError ? formatFailure(e).replace(/^error: /, '') : e.message);
    // A refusal with its fix, not a crash: the plugin's stack is noise to the reader.
    refusal.stack = refusal.message;
    throw refusal;
  }
}

export default class CargoVersionActions extends VersionActions {
  validManifestFilenames = ['Cargo.toml'];
  // The edits keep every byte but the versions; a formatter pass has nothing to add.
  override excludeManifestsFromFormatting = true;

  private runOf(tree: Tree): ReleaseRun {
    return releaseRun(tree.root, (file) => tree.read(file, 'utf-8'), readNxJson(tree), tree);
  }

  private crateIn(run: ReleaseRun): Crate {
    return crateOf(run, this.projectGraphNode.name, this.projectGraphNode.data.root);
  }

  async readCurrentVersionFromSourceManifest(tree: Tree): Promise<{ currentVersion: string; manifestPath: string } | null> {
    return nxErrors(() => {
      const run = this.runOf(tree);
      const crate = this.crateIn(run);
      return { currentVersion: crate.version, manifestPath: crate.versionFrom === 'workspace' ? run.workspace.rootManifest : crate.manifest };
    });
  }

  async readCurrentVersionFromRegistry(tree: Tree, metadata?: Record<string, unknown>): Promise<{ currentVersion: string | null; logText: string } | null> {
    return nxErrors(async () => {
      const run = this.runOf(tree);
      const crate = this.crateIn(run);
      const registry = typeof metadata?.registry === 'string' ? metadata.registry : run.options.registry;
      const url = registryIndexUrl(tree.root, registry);
      const listed = await sparseIndexClient(url, process.env[tokenEnvVar(registry)]).versions(crate.name);
      const live = listed.filter((v) => !v.yanked && semver.valid(v.vers)).map((v) => v.vers);
      return { currentVersion: live.sort(semver.rcompare)[0] ?? null, logText: `sparse index ${url}` };
    });
  }

  async readCurrentVersionOfDependency(
    tree: Tree,
    _graph: ProjectGraph,
    dependency: string,
  ): Promise<{ currentVersion: string | null; dependencyCollection: string | null }> {
    return nxErrors(() => {
      const dep = this.crateIn(this.runOf(tree)).deps.find((d) => d.crate === dependency);
      return dep ? { currentVersion: dep.req, dependencyCollection: COLLECTION[dep.kind] } : { currentVersion: null, dependencyCollection: null };
    });
  }

  override async calculateNewVersion(
    currentVersion: string | null,
    input: string,
    _reason: string,
    _data: Record<string, unknown>,
    preid: string,
  ): Promise<{ newVersion: string; logText: string }> {
    return nxErrors(() => {
      // Nx gives no tree here; nothing has been written before the first new version is known.
      const run = releaseRun(workspaceRoot, (file) => readText(workspaceRoot, file), JSON.parse(readText(workspaceRoot, 'nx.json') ?? '{}'));
      const name = this.projectGraphNode.name;
      const explicit = semver.valid(input) !== null;
      if (currentVersion === null && !explicit)
        throw new Refusal(
          `no current version for ${name}, so "${input}" cannot be applied; give the version itself (nx release version X.Y.Z) or set currentVersionResolver to "disk"`,
        );
      const current = currentVersion ?? input;
      const next = nxNextVersion(current, input, preid ?? '', run.options);
      const step = 'to' in next && explicit ? followLine(current, next.to, primaryVersion(run.workspace, run.options), run.options) : next;
      if ('error' in step) throw new Refusal(`${name}: ${step.error}\n  fix: ${step.fix}`);
      return { newVersion: step.to, logText: `${explicit ? `explicit version "${input}"` : `"${input}" on the release train`}: ${current} -> ${step.to}` };
    });
  }

  async updateProjectVersion(tree: Tree, newVersion: string): Promise<string[]> {
    return nxErrors(() => {
      const run = this.runOf(tree);
      const crate = this.crateIn(run);
      const plan = moveCrate(run, crate.name, newVersion);
      for (const edit of plan.edits) if (isManifest(edit.file) && tree.read(edit.file, 'utf-8') !== edit.after) tree.write(edit.file, edit.after);
      const site = crate.versionFrom === 'workspace' ? `${run.workspace.rootManifest} [workspace.package]` : crate.manifest;
      return [`New version ${newVersion} of ${crate.name} in ${site}`];
    });
  }

  /** Requirements are planned with the versions (updateProjectVersion), in every manifest at once. */
  async updateProjectDependencies(): Promise<string[]> {
    return [];
  }
}

export const afterAllProjectsVersioned: AfterAllProjectsVersioned = writeAfterAll;
