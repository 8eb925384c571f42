/**
 * nx.json's `release` section for `nx release` on a Cargo workspace (issue 25), from the
 * workspace model: one fixed group per version line with its publishable crates, this
 * plugin's version actions, and nothing of Nx's that the train does differently (no
 * changelog: RELEASES.md is the train's; no patch bumps of dependents: lines move together).
 */
import type { Workspace } from './model';
import type { ReleaseTrainOptions } from './settings/options';
import { Problems } from './version/errors';
import { settingsErrors } from './settings/rules';
import { assignLines, WORKSPACE_LINE } from './version/grouping';

export const VERSION_ACTIONS = 'nx-release-train/version-actions';

export interface ReleaseGroup {
  projectsRelationship: 'fixed';
  projects: string[];
  releaseTag: { pattern: string };
}

export interface ReleaseSection {
  projectsRelationship: 'fixed';
  groups: Record<string, ReleaseGroup>;
  releaseTag: { pattern: string };
  version: { versionActions: string; currentVersionResolver: 'disk'; updateDependents: 'never' };
  changelog: { workspaceChangelog: false; projectChangelogs: false };
}

/**
 * The section for `ws`. Group names: `workspace` for the crates inheriting the workspace
 * version, else the crates' common name prefix (`cranelift`), which outlives the line's
 * number (0.92 today, 0.93 after the cut); the line itself when the names share none.
 * The group releases are named after is tagged with the `tagPattern` setting (`v{version}`);
 * the others with `<group>-v{version}`, so no two groups want the same tag.
 * Throws PlanError when the versionLines settings are invalid (the fix is in each problem).
 */
export function releaseSection(ws: Workspace, options: ReleaseTrainOptions): ReleaseSection {
  const problems = new Problems();
  for (const d of settingsErrors(options, ws)) problems.error(d.file, d.line, d.message, d.fix);
  const assigned = assignLines(ws, options.versionLines);
  problems.throwIfAny();
  const byLine = new Map<string, string[]>();
  for (const crate of ws.members) {
    const line = assigned.get(crate.name);
    if (!line || !crate.publishable) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), crate.name]);
  }
  const primary = byLine.has(WORKSPACE_LINE) ? WORKSPACE_LINE : byLine.size === 1 ? [...byLine.keys()][0] : null;
  const groups: Record<string, ReleaseGroup> = {};
  for (const [line, projects] of byLine) {
    const named = line === WORKSPACE_LINE ? WORKSPACE_LINE : (commonPrefix(projects) ?? line);
    const name = groups[named] ? `${named}-${line}` : named;
    const pattern = line === primary ? options.tagPattern : `${name}-${options.tagPattern}`;
    groups[name] = { projectsRelationship: 'fixed', projects, releaseTag: { pattern } };
  }
  return {
    projectsRelationship: 'fixed',
    groups,
    releaseTag: { pattern: options.tagPattern },
    version: { versionActions: VERSION_ACTIONS, currentVersionResolver: 'disk', updateDependents: 'never' },
    changelog: { workspaceChangelog: false, projectChangelogs: false },
  };
}

/** The leading `-`-separated words every name shares (`foo` of foo-core, foo-util). */
export function commonPrefix(names: readonly string[]): string | null {
  const split = names.map((n) => n.split('-'));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((s) => s.length > n && s[n] === first[n])) n++;
  return n > 0 ? first.slice(0, n).join('-') : null;
}
