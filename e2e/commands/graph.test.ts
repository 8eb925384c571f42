/**
 * The plugin's graph functions in-process, as Nx calls them (createNodesV2, then
 * createDependencies), on a copy of the bundled example, against real `cargo metadata`.
 * Through the real nx CLI, e2e/graph.e2e.ts keeps only what Nx itself does with them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateNodesContextV2, CreateDependenciesContext, ProjectConfiguration } from '@nx/devkit';
import { createDependencies, createNodesV2 } from '../../packages/nx-release-train/src/index';
import { findManifests } from '../../packages/nx-release-train/src/effects/workspace-fs';
import { exampleRoot, makeWorkspace, type TempWorkspace } from '../support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

/** Projects (by name) and edges, as Nx would assemble them from the two plugin functions. */
async function graphOf(root: string, options: unknown = {}) {
  const [, createNodes] = createNodesV2;
  const context = { workspaceRoot: root, nxJsonConfiguration: {} } as CreateNodesContextV2;
  const results = await createNodes(findManifests(root), options, context);
  const projects: Record<string, ProjectConfiguration> = {};
  for (const [, result] of results) for (const p of Object.values(result.projects ?? {})) projects[p.name!] = p as ProjectConfiguration;
  const edges = await createDependencies(options, { workspaceRoot: root, projects } as unknown as CreateDependenciesContext);
  return { projects, edges: edges.map((e) => `${e.source}->${e.target}`).sort() };
}

describe('graph of the bundled example (in-process)', () => {
  it('has a project per member and edges for normal, build and versioned dev dependencies', async () => {
    ws = makeWorkspace({ from: exampleRoot });
    const { projects, edges } = await graphOf(ws.dir);
    const meta = spawnSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], { cwd: ws.dir, encoding: 'utf8' });
    expect(meta.status, meta.stderr).toBe(0);
    const packages = JSON.parse(meta.stdout).packages as Array<{
      name: string;
      dependencies: Array<{ name: string; kind: string | null; req: string; path?: string }>;
    }>;
    expect(Object.keys(projects).sort()).toEqual(packages.map((p) => p.name).sort());
    const expectedEdges = packages
      .flatMap((p) => p.dependencies.filter((d) => d.path && (d.kind !== 'dev' || d.req !== '*')).map((d) => `${p.name}->${d.name}`))
      .filter((e, i, all) => all.indexOf(e) === i)
      .sort();
    expect(edges).toEqual(expectedEdges);
    expect(edges.length).toBeGreaterThan(5);
  });
});

describe("exclude against explicit members (Cargo's rule)", () => {
  it('an excluded directory inside an explicit member that it depends on by path is a member; one outside is not', async () => {
    ws = makeWorkspace({});
    const files: Record<string, string> = {
      'Cargo.toml': '[workspace]\nmembers = ["app"]\nexclude = ["app/inner", "lone"]\nresolver = "2"\n',
      'app/Cargo.toml':
        '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\ninner = { path = "inner" }\nlone = { path = "../lone" }\n',
      'app/inner/Cargo.toml': '[package]\nname = "inner"\nversion = "0.1.0"\nedition = "2021"\n',
      'lone/Cargo.toml': '[package]\nname = "lone"\nversion = "0.1.0"\nedition = "2021"\n',
    };
    for (const [file, text] of Object.entries({ ...files, 'app/src/lib.rs': '', 'app/inner/src/lib.rs': '', 'lone/src/lib.rs': '' })) {
      mkdirSync(dirname(join(ws.dir, file)), { recursive: true });
      writeFileSync(join(ws.dir, file), text);
    }
    const meta = spawnSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], { cwd: ws.dir, encoding: 'utf8' });
    expect(meta.status, meta.stderr).toBe(0);
    const members = (JSON.parse(meta.stdout).packages as Array<{ name: string }>).map((p) => p.name).sort();
    expect(members).toEqual(['app', 'inner']);
    const { projects, edges } = await graphOf(ws.dir);
    // The workspace's own project (root `.`, no package there) is no crate.
    expect(
      Object.keys(projects)
        .filter((name) => projects[name].root !== '.')
        .sort(),
    ).toEqual(members);
    expect(edges).toEqual(['app->inner']);
  });
});
