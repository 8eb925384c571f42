/**
 * Which version line each crate moves with, from the manifests and the `versionLines`
 * settings. Defaults: crates inheriting `[workspace.package] version` form the `workspace`
 * line; publishable crates with a literal version group by their compatibility line (`46`,
 * `0.19`, `0.110`); private crates with a literal version never move. Settings, in order of
 * precedence: `fixed` (never moves), `groups` (a named line), `followWorkspace` (the workspace
 * line), `movePrivate` (a private crate joins its compatibility line).
 *
 * A line is a set of crates on one compatibility line: core/settings/rules.ts refuses a setting
 * that would put crates of different compatibility lines together, naming the crate and the lines.
 */
import type { Workspace } from '../model';
import type { VersionLinesOptions } from '../settings/options';
import { compatLine } from '../release-line';

/** The line name of crates inheriting `[workspace.package] version`. */
export const WORKSPACE_LINE = 'workspace';

/** `*` matches any run of characters; everything else is literal. */
export function namePattern(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function matcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns.map(namePattern);
  return (name) => res.some((re) => re.test(name));
}

/**
 * The line of every crate of the workspace (null: the crate never moves). Pure assignment:
 * settings that contradict the workspace (a crate in two groups, a line across compatibility
 * lines) are refused by core/settings/rules.ts before anything plans with them; a crate in two
 * groups never moves here.
 */
export function assignLines(ws: Workspace, settings: VersionLinesOptions): Map<string, string | null> {
  const fixed = matcher(settings.fixed);
  const follows = matcher(settings.followWorkspace);
  const movesPrivate = matcher(settings.movePrivate);
  const groups = Object.entries(settings.groups).map(([name, patterns]) => ({ name, matches: matcher(patterns) }));
  const out = new Map<string, string | null>();
  for (const crate of ws.members) {
    const own = crate.versionFrom === 'literal' ? compatLine(crate.version) : null;
    const inGroups = groups.filter((g) => g.matches(crate.name));
    let line: string | null;
    if (fixed(crate.name) || inGroups.length > 1) line = null;
    else if (inGroups.length === 1) line = inGroups[0].name;
    else if (crate.versionFrom === 'workspace' || (crate.versionFrom === 'literal' && follows(crate.name))) line = WORKSPACE_LINE;
    else if (crate.versionFrom === 'literal' && (crate.publishable || movesPrivate(crate.name))) line = own ?? crate.version;
    else line = null;
    out.set(crate.name, line);
  }
  return out;
}
