/** Cargo workspace -> Nx projects. A thin adapter over the pure model in core/. */
import type { CreateNodesContextV2, CreateNodesResult, ProjectConfiguration } from '@nx/devkit';
import type { Crate, Diagnostic, Workspace } from '../core/model';
import type { OptionProblem, ReleaseTrainOptions } from '../core/settings/options';
import { dirOf } from '../core/paths';
import { assignLines } from '../core/version/grouping';
import { settingsRules } from '../core/settings/rules';
import { resolvedOptions } from '../effects/resolved-options';
import { graphModel } from '../effects/workspace-model';
import { reportOnce } from './report';
import { crateTargets, rootTargets } from './targets';

export const MANIFEST_GLOB = '**/Cargo.toml';

export type ProjectNode = Omit<ProjectConfiguration, 'root'> & { root: string };

/**
 * Lines as the release commands see them (versionLines settings applied); settings that
 * contradict the workspace are reported by createNodesFromFiles (core/settings/rules.ts).
 */
export const linesOf = (model: Workspace, options: ReleaseTrainOptions): Map<string, string | null> => assignLines(model, options.versionLines);

/** The projects, new objects on every call (Nx may change what it is given). */
export function projectsFor(model: Workspace, options: ReleaseTrainOptions, lines = linesOf(model, options)): Record<string, ProjectNode> {
  const rootDir = dirOf(model.rootManifest);
  const projects: Record<string, ProjectNode> = {};
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
  const { model, linked } = graphModel(context.workspaceRoot, configFiles);
  const lines = checkedLines(model, linked, options, problems);
  const byManifest = new Map<string, ProjectNode>();
  for (const project of Object.values(projectsFor(model, options, lines))) {
    byManifest.set(project.root === '.' ? 'Cargo.toml' : `${project.root}/Cargo.toml`, project);
  }
  return configFiles
    .filter((file) => byManifest.has(file))
    .map((file) => {
      const project = byManifest.get(file)!;
      return [file, { projects: { [project.root]: project } }] as const;
    });
}

let last: { model: Workspace; linked: string[]; options: ReleaseTrainOptions; problems: OptionProblem[]; lines: Map<string, string | null> } | undefined;

/**
 * The version lines, and the diagnostics reported, once per model and options: Nx asks again
 * on every command (the daemon, many times), mostly for the same tree and settings.
 */
function checkedLines(model: Workspace, linked: string[], options: ReleaseTrainOptions, problems: OptionProblem[]): Map<string, string | null> {
  if (last && last.model === model && last.linked === linked && last.options === options && last.problems === problems) return last.lines;
  reportOnce([
    ...model.diagnostics,
    ...linkedMemberWarnings(model, linked),
    ...problems.map((p) => ({ level: 'error' as const, file: 'nx.json', message: p.message, fix: p.fix })),
    ...settingsRules(options, model),
  ]);
  last = { model, linked, options, problems, lines: linesOf(model, options) };
  return last.lines;
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
