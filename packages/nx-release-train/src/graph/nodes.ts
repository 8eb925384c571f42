/** Cargo workspace -> Nx projects. A thin adapter over the pure model in core/. */
import type { CreateNodesContextV2, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import type { Crate, Diagnostic, Workspace } from '../core/model';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { dirOf } from '../core/paths';
import { findManifests } from '../effects/workspace-fs';
import { assignLines } from '../core/version/grouping';
import { settingsRules } from '../core/settings/rules';
import { resolvedOptions } from '../effects/resolved-options';
import { workspaceModel } from '../effects/workspace-model';
import { reportOnce } from './report';
import { crateTargets, rootTargets } from './targets';

export const MANIFEST_GLOB = '**/Cargo.toml';

export type ProjectNode = Omit<ProjectConfiguration, 'root'> & { root: string };

export function projectsFor(model: Workspace, options: ReleaseTrainOptions): Record<string, ProjectNode> {
  const rootDir = dirOf(model.rootManifest);
  const projects: Record<string, ProjectNode> = {};
  // Lines as the release commands see them (versionLines settings applied); settings that
  // contradict the workspace are reported by createNodesFromFiles (core/settings/rules.ts).
  const lines = assignLines(model, options.versionLines);
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
  const { options, problems } = await resolvedOptions(context.workspaceRoot, rawOptions);
  // Nx lists files without following symbolic links; cargo follows a linked member directory; such crates are
  // versioned by the release commands and reported (Nx cannot host a project behind a link).
  const linked = findManifests(context.workspaceRoot, true).filter((f) => !configFiles.includes(f));
  const model = workspaceModel(context.workspaceRoot, [...configFiles, ...linked]);
  reportOnce([
    ...model.diagnostics,
    ...linkedMemberWarnings(model, linked),
    ...problems.map((p) => ({ level: 'error' as const, file: 'nx.json', message: p.message, fix: p.fix })),
    ...settingsRules(options, model),
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

/**
 * A member reached through a symbolic link is in the model (the release commands version it,
 * reading git objects), but it cannot be an Nx project: Nx neither lists nor hashes files
 * behind a link, and its task hasher fails on a project without files. Say so instead of
 * letting the crate vanish.
 */
function linkedMemberWarnings(model: Workspace, linked: string[]): Diagnostic[] {
  return model.members
    .filter((c) => linked.includes(c.manifest))
    .map((c) => ({
      level: 'warning' as const,
      file: c.manifest,
      message: `crate ${c.name} is a workspace member through a symbolic link (${c.dir}); the release commands version it, but Nx does not follow links, so it has no Nx project (no publish target)`,
      fix: `replace the link ${c.dir} with the directory, or list the real directory in [workspace] members`,
    }));
}
