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

export function edgesOf(model: Workspace): RawProjectGraphDependency[] {
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
  return edges;
}

export function createDependencies(_options: unknown, context: CreateDependenciesContext): RawProjectGraphDependency[] {
  const model = lastWorkspaceModel(context.workspaceRoot);
  return edgesOf(model).filter((e) => e.source in context.projects && e.target in context.projects);
}
