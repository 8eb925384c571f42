/** Cargo workspace -> Nx projects. A thin adapter over the pure model in core/. */
import type { CreateNodesContextV2, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import type { Crate, Workspace } from '../core/model';
import { resolveOptions, type ReleaseTrainOptions } from '../core/options';
import { dirOf } from '../core/paths';
import { Problems } from '../core/version/errors';
import { assignLines, lineSettings } from '../core/version/grouping';
import { workspaceModel } from './model-cache';
import { reportOnce } from './report';
import { crateTargets, rootTargets } from './targets';

export const MANIFEST_GLOB = '**/Cargo.toml';

export type ProjectNode = Omit<ProjectConfiguration, 'root'> & { root: string };

export function projectsFor(model: Workspace, options: ReleaseTrainOptions): Record<string, ProjectNode> {
  const rootDir = dirOf(model.rootManifest);
  const projects: Record<string, ProjectNode> = {};
  // Lines as the release commands see them (versionLines settings applied); bad settings are
  // reported by the commands, with the fix.
  const lines = assignLines(model, lineSettings(options), new Problems());
  for (const crate of model.members) {
    const line = lines.get(crate.name) ?? null;
    projects[crate.dir] = {
      root: crate.dir,
      name: crate.name,
      projectType: 'library',
      tags: tagsOf(crate, line),
      metadata: {
        technologies: ['cargo'],
        cargo: {
          version: crate.version,
          versionLine: line,
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

function tagsOf(crate: Crate, line: string | null): string[] {
  const tags = ['cargo', crate.publishable ? 'publishable' : 'private'];
  if (line) tags.push(`version-line:${line}`);
  return tags;
}

export async function createNodesFromFiles(
  configFiles: readonly string[],
  rawOptions: unknown,
  context: CreateNodesContextV2,
): Promise<Array<readonly [string, CreateNodesResult]>> {
  const { options, problems } = resolveOptions(rawOptions);
  const model = workspaceModel(context.workspaceRoot, configFiles);
  reportOnce([
    ...model.diagnostics,
    ...problems.map((p) => ({ level: 'error' as const, file: 'nx.json', message: p.message, fix: p.fix })),
  ]);
  const projects = projectsFor(model, options);
  const byManifest = new Map<string, ProjectNode>();
  for (const project of Object.values(projects)) {
    byManifest.set(project.root === '.' ? 'Cargo.toml' : `${project.root}/Cargo.toml`, project);
  }
  return configFiles
    .filter((file) => byManifest.has(file))
    .map((file) => {
      const project = byManifest.get(file)!;
      return [file, { projects: { [project.root]: project } }] as const;
    });
}
