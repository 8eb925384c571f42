/**
 * Project edges from Cargo dependencies. Normal, build and target-specific dependencies are
 * static edges; a dev-dependency is an edge only when it carries a version (then it
 * constrains publishing). Path-only dev-dependencies stay in project metadata: they are how
 * real workspaces form test cycles, and they must never order anything.
 */
import type { CreateDependenciesContext, DependencyType, RawProjectGraphDependency } from '@nx/devkit';
import type { Workspace } from '../core/model';
import { lastWorkspaceModel } from '../effects/workspace-model';

/** `DependencyType.static`, without loading the @nx/devkit barrel at run time for one string. */
const STATIC = 'static' as DependencyType.static;

/** Edges by model: createDependencies asks again for the same model on every command. */
const edgesByModel = new WeakMap<Workspace, RawProjectGraphDependency[]>();

/** The crate edges (shared per model: callers copy what they hand on). */
export function edgesOf(model: Workspace): readonly RawProjectGraphDependency[] {
  const known = edgesByModel.get(model);
  if (known) return known;
  const edges: RawProjectGraphDependency[] = [];
  const seen = new Set<string>();
  for (const crate of model.members) {
    for (const dep of crate.deps) {
      if (dep.kind === 'dev' && !dep.req) continue;
      if (dep.crate === crate.name) continue;
      const id = `${crate.name}\0${dep.crate}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ source: crate.name, target: dep.crate, type: STATIC, sourceFile: crate.manifest });
    }
  }
  edgesByModel.set(model, edges);
  return edges;
}

/**
 * The edges between Nx projects. A crate's project is the one rooted at its directory, whatever
 * its name: a `project.json` may rename it (Nx's own fix when a crate is named like another
 * project, say a package.json one), and an edge by crate name would then land on that other
 * project. Crates without a project of their own (a linked member) have no edges.
 */
export function projectEdges(model: Workspace, projects: CreateDependenciesContext['projects']): RawProjectGraphDependency[] {
  const byRoot = new Map(Object.entries(projects).map(([name, p]) => [p.root, name]));
  const projectOf = new Map(model.members.map((c) => [c.name, byRoot.get(c.dir)]));
  return edgesOf(model).flatMap((e) => {
    const source = projectOf.get(e.source);
    const target = projectOf.get(e.target);
    return source && target ? [{ ...e, source, target }] : [];
  });
}

export function createDependencies(_options: unknown, context: CreateDependenciesContext): RawProjectGraphDependency[] {
  return projectEdges(lastWorkspaceModel(context.workspaceRoot), context.projects);
}
