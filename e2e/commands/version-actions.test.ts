/**
 * The version actions in-process (issue 25), on a copy of the example and the local registry:
 * where each current version is read from (the manifest that carries it, the registry's sparse
 * index), what a dependency requirement is, and edits planned in Nx's tree. What Nx does with
 * them is e2e/nx-release.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { afterEach, describe, expect, it } from 'vitest';
import CargoVersionActions, { afterAllProjectsVersioned } from '../../packages/nx-release-train/src/release/version-actions';
import { wasmtimePreset } from '../../packages/nx-release-train/src/presets/wasmtime';
import { startRegistry } from '../../tools/local-registry';
import { exampleRoot, makeWorkspace } from '../support/workspace';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

// Each crate's project root in the example, as the graph infers it (a crate is found by its root).
const ROOTS: Record<string, string> = { wasmtime: 'crates/wasmtime', 'cranelift-entity': 'cranelift/entity', 'wasmtime-cli': '.', 'no-such-crate': 'nowhere' };

function actionsFor(project: string): CargoVersionActions {
  // Only the project's name and root are read by these methods; Nx fills the rest when it runs them.
  const ctor = CargoVersionActions as unknown as new (...args: unknown[]) => CargoVersionActions;
  return new ctor({ name: 'workspace' }, { name: project, type: 'lib', data: { root: ROOTS[project] } }, { manifestRootsToUpdate: [] });
}

function example(options: Record<string, unknown> = wasmtimePreset) {
  const ws = makeWorkspace({ from: exampleRoot, options });
  cleanups.push(ws.cleanup);
  return ws;
}

describe('CargoVersionActions (in-process)', () => {
  it('reads current versions where they are written, and requirements as written', async () => {
    const ws = example();
    const tree = new FsTree(ws.dir, false);
    expect(await actionsFor('wasmtime').readCurrentVersionFromSourceManifest(tree)).toEqual({ currentVersion: '5.0.0', manifestPath: 'Cargo.toml' });
    expect(await actionsFor('cranelift-entity').readCurrentVersionFromSourceManifest(tree)).toEqual({
      currentVersion: '0.92.0',
      manifestPath: 'cranelift/entity/Cargo.toml',
    });
    expect(await actionsFor('wasmtime-cli').readCurrentVersionOfDependency(tree, { nodes: {}, dependencies: {} }, 'wasmtime')).toEqual({
      currentVersion: '5.0.0',
      dependencyCollection: 'dependencies',
    });
    expect(await actionsFor('wasmtime-cli').readCurrentVersionOfDependency(tree, { nodes: {}, dependencies: {} }, 'cranelift-entity')).toEqual({
      currentVersion: null,
      dependencyCollection: null,
    });
    await expect(actionsFor('no-such-crate').readCurrentVersionFromSourceManifest(tree)).rejects.toThrow(
      /project no-such-crate, which is not a crate of the Cargo workspace[\s\S]*nx g nx-release-train:release-config/,
    );
    await afterAllProjectsVersioned(ws.dir, { dryRun: true });
  });

  it("reads the registry's sparse index: the highest version, for the registry the settings name", async () => {
    const reg = await startRegistry();
    cleanups.push(() => reg.stop());
    for (const vers of ['4.0.0', '5.0.1', '5.0.0', '6.0.0-rc.1']) reg.seed({ name: 'wasmtime', vers, deps: [], features: {} }, Buffer.from(vers));
    const ws = example({ ...wasmtimePreset, registry: 'local' });
    process.env.CARGO_REGISTRIES_LOCAL_INDEX = reg.indexUrl;
    cleanups.push(() => delete process.env.CARGO_REGISTRIES_LOCAL_INDEX);
    const tree = new FsTree(ws.dir, false);
    expect(await actionsFor('wasmtime').readCurrentVersionFromRegistry(tree, {})).toEqual({
      currentVersion: '6.0.0-rc.1',
      logText: `sparse index ${reg.indexUrl}`,
    });
    expect(await actionsFor('wasmtime-cli').readCurrentVersionFromRegistry(tree, {})).toEqual({
      currentVersion: null,
      logText: `sparse index ${reg.indexUrl}`,
    });
    await afterAllProjectsVersioned(ws.dir, { dryRun: true });
  });

  it('writes manifests to the tree only; Cargo.lock and version files after all; a new tree starts a new run', async () => {
    const ws = example();
    const stale = new FsTree(ws.dir, false);
    await actionsFor('cranelift-entity').updateProjectVersion(stale, '0.99.0'); // a run that never reached its end
    const tree = new FsTree(ws.dir, false);
    const log = await actionsFor('wasmtime').updateProjectVersion(tree, '6.0.0');
    expect(log).toEqual(['New version 6.0.0 of wasmtime in Cargo.toml [workspace.package]']);
    expect(
      tree
        .listChanges()
        .map((c) => c.path)
        .sort(),
    ).toEqual(['Cargo.toml', 'crates/c-api/Cargo.toml', 'crates/c-api/artifact/Cargo.toml']);
    flushChanges(ws.dir, tree.listChanges());
    expect(await afterAllProjectsVersioned(ws.dir, {})).toEqual({ changedFiles: ['Cargo.lock', 'crates/c-api/include/wasmtime.h'], deletedFiles: [] });
    const root = readFileSync(join(ws.dir, 'Cargo.toml'), 'utf8');
    expect(root).toContain('[workspace.package]\nversion = "6.0.0"');
    expect(root).not.toContain('0.99.0');
    expect(readFileSync(join(ws.dir, 'crates/c-api/include/wasmtime.h'), 'utf8')).toContain('#define WASMTIME_VERSION "6.0.0"');
  });
});
