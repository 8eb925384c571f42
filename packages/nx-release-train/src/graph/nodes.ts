/** Cargo workspace -> Nx projects. A thin adapter over the pure model in core/. */
import type { CreateNodesContextV2, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import type { Crate, Workspace } from '../core/model';
import { resolveOptions, type ReleaseTrainOptions } from '../core/options';
import { dirOf } from '../core/paths';
import { findManifests } from '../effects/workspace-fs';
import { workspaceModel } from './model-cache';
import { reportOnce } from './report';
import { crateTargets, rootTargets } from './targets';

export const MANIFEST_GLOB = '**/Cargo.toml';

export type ProjectNode = Omit<ProjectConfiguration, 'root'> & { root: string };

export function projectsFor(model: Workspace, options: ReleaseTrainOptions): Record<string, ProjectNode> {
  const rootDir = dirOf(model.rootManifest);
  const projects: Record<string, ProjectNode> = {};
  for (const crate of model.members) {
    projects[crate.dir] = {
      root: crate.dir,
      name: crate.name,
      projectType: 'library',
      tags: tagsOf(crate),
      metadata: {
        technologies: ['cargo'],
        cargo: {
          version: crate.version,
          versionLine: crate.line,
          publishable: crate.publishable,
          manifest: crate.manifest,
          devDependencies: crate.deps.filter((d) => d.kind === 'dev').map((d) => d.crate),
        },
      } as ProjectConfiguration['metadata'],
      targets: crate.dir === rootDir ? { ...crateTargets(crate, options), ...rootTargets() } : crateTargets(crate, options),
    };
  }
  // A root manifest that does not parse leaves no members; its project stays, so the release
  // commands still run and report the manifest instead of Nx's "project and target" error.
  const brokenRoot = model.members.length === 0 && model.diagnostics.some((d) => d.level === 'error' && d.file === model.rootManifest);
  if ((model.members.length > 0 || brokenRoot) && !projects[rootDir]) {
    // A virtual manifest: the release commands still need a project at the workspace root.
    projects[rootDir] = { root: rootDir, name: 'cargo-workspace', tags: ['cargo'], targets: rootTargets() };
  }
  return projects;
}

function tagsOf(crate: Crate): string[] {
  const tags = ['cargo', crate.publishable ? 'publishable' : 'private'];
  if (crate.line) tags.push(`version-line:${crate.line}`);
  return tags;
}

export async function createNodesFromFiles(
  configFiles: readonly string[],
  rawOptions: unknown,
  context: CreateNodesContextV2,
): Promise<Array<readonly [string, CreateNodesResult]>> {
  const { options, problems } = resolveOptions(rawOptions);
  // Nx lists files without following symbolic links; cargo follows a linked member directory.
  const linked = findManifests(context.workspaceRoot, true).filter((f) => !configFiles.includes(f));
  const model = workspaceModel(context.workspaceRoot, [...configFiles, ...linked]);
  reportOnce([
    ...model.diagnostics,
    ...problems.map((p) => ({ level: 'error' as const, file: 'nx.json', message: p.message, fix: p.fix })),
  ]);
  const projects = projectsFor(model, options);
  const byManifest = new Map<string, ProjectNode>();
  for (const project of Object.values(projects)) {
    byManifest.set(project.root === '.' ? 'Cargo.toml' : `${project.root}/Cargo.toml`, project);
  }
  // A linked crate has no file of its own in Nx's list: it is declared with the root manifest.
  const viaLinks = linked.filter((file) => byManifest.has(file)).map((file) => byManifest.get(file)!);
  const rootFile = configFiles.includes(model.rootManifest) ? model.rootManifest : null;
  return configFiles
    .filter((file) => byManifest.has(file))
    .map((file) => {
      const project = byManifest.get(file)!;
      const extra = file === rootFile ? viaLinks : [];
      return [file, { projects: Object.fromEntries([project, ...extra].map((p) => [p.root, p])) }] as const;
    });
}
