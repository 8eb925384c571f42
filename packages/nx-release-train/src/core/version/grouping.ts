/**
 * Which version line each crate moves with, from the manifests and the `versionLines`
 * settings. Defaults: crates inheriting `[workspace.package] version` form the `workspace`
 * line; publishable crates with a literal version group by their compatibility line (`46`,
 * `0.19`, `0.110`); private crates with a literal version never move. Settings, in order of
 * precedence: `fixed` (never moves), `groups` (a named line), `followWorkspace` (the workspace
 * line), `movePrivate` (a private crate joins its compatibility line).
 *
 * A line is a set of crates on one compatibility line: a setting that would put crates of
 * different compatibility lines together is refused, naming the crate and the lines.
 */
import type { Crate, Workspace } from '../model';
import type { VersionLinesOptions } from '../options';
import { compatLine, lineLabel } from '../release-line';
import type { Problems } from './errors';

/** The line name of crates inheriting `[workspace.package] version`. */
export const WORKSPACE_LINE = 'workspace';

/** Where settings problems are reported (the lead's schema will give a setting path). */
const SETTINGS_FILE = 'nx.json';

/** `*` matches any run of characters; everything else is literal. */
export function namePattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

function matcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns.map(namePattern);
  return (name) => res.some((re) => re.test(name));
}

/**
 * The settings with every list filled in: nx.json may name only some of them (the options
 * merge replaces the object as a whole).
 */
export function lineSettings(options: { versionLines?: Partial<VersionLinesOptions> }): VersionLinesOptions {
  const raw = options.versionLines ?? {};
  const groups = typeof raw.groups === 'object' && raw.groups !== null && !Array.isArray(raw.groups) ? { ...raw.groups } : (raw.groups ?? {});
  // Copies: checking drops bad values, and must not touch the caller's options.
  return { followWorkspace: [], fixed: [], movePrivate: [], ...raw, groups };
}

const KNOWN = ['followWorkspace', 'fixed', 'movePrivate', 'groups'];

/** Every value of the settings this module reads, checked (kinds are checked by the options). */
export function checkLineSettings(settings: VersionLinesOptions, problems: Problems): void {
  for (const key of Object.keys(settings))
    if (!KNOWN.includes(key)) problems.error(SETTINGS_FILE, undefined, `unknown setting versionLines.${key}`, `remove it; known settings: ${KNOWN.map((k) => `versionLines.${k}`).join(', ')}`);
  if (typeof settings.groups !== 'object' || settings.groups === null || Array.isArray(settings.groups)) {
    problems.error(SETTINGS_FILE, undefined, 'setting versionLines.groups must be an object of line names to crate lists', 'write versionLines.groups as {"name": ["crate-a", "prefix-*"]}');
    settings.groups = {};
  }
  const lists: Array<[string, unknown]> = [
    ['versionLines.followWorkspace', settings.followWorkspace],
    ['versionLines.fixed', settings.fixed],
    ['versionLines.movePrivate', settings.movePrivate],
    ...Object.entries(settings.groups ?? {}).map(([k, v]): [string, unknown] => [`versionLines.groups.${k}`, v]),
  ];
  for (const [setting, value] of lists) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0)) continue;
    if (setting.startsWith('versionLines.groups.')) delete settings.groups[setting.slice('versionLines.groups.'.length)];
    else (settings as unknown as Record<string, unknown>)[setting.slice('versionLines.'.length)] = [];
    problems.error(SETTINGS_FILE, undefined, `setting ${setting} must be a list of crate names or globs`, `write ${setting} as ["crate-a", "prefix-*"]`);
  }
  for (const name of Object.keys(settings.groups ?? {}))
    if (name === WORKSPACE_LINE || compatLine(`${name}.0.0`) !== null || /^0\.\d+$/.test(name))
      problems.error(SETTINGS_FILE, undefined, `versionLines.groups.${name}: "${name}" is a built-in line name`, 'give the group another name');
}

/** The line of every crate of the workspace (null: the crate never moves). */
export function assignLines(ws: Workspace, settings: VersionLinesOptions, problems: Problems): Map<string, string | null> {
  const fixed = matcher(settings.fixed);
  const follows = matcher(settings.followWorkspace);
  const movesPrivate = matcher(settings.movePrivate);
  const groups = Object.entries(settings.groups).map(([name, patterns]) => ({ name, matches: matcher(patterns) }));
  const out = new Map<string, string | null>();
  for (const crate of ws.members) {
    const own = crate.versionFrom === 'literal' ? compatLine(crate.version) : null;
    const inGroups = groups.filter((g) => g.matches(crate.name));
    let line: string | null;
    if (fixed(crate.name)) line = null;
    else if (inGroups.length > 1) {
      problems.error(SETTINGS_FILE, undefined, `crate ${crate.name} is in groups ${inGroups.map((g) => g.name).join(' and ')}`, 'list it in one group of versionLines.groups');
      line = null;
    } else if (inGroups.length === 1) line = inGroups[0].name;
    else if (crate.versionFrom === 'workspace' || (crate.versionFrom === 'literal' && follows(crate.name))) line = WORKSPACE_LINE;
    else if (crate.versionFrom === 'literal' && (crate.publishable || movesPrivate(crate.name))) line = own ?? crate.version;
    else line = null;
    out.set(crate.name, line);
  }
  checkOneCompatLine(ws, out, problems);
  return out;
}

/** Crates a setting put on one line must share a compatibility line (what Cargo can unify). */
function checkOneCompatLine(ws: Workspace, lines: Map<string, string | null>, problems: Problems): void {
  const seen = new Map<string, { crate: Crate; compat: string }>();
  if (ws.version !== null && compatLine(ws.version))
    seen.set(WORKSPACE_LINE, { crate: { name: '[workspace.package]', manifest: ws.rootManifest } as Crate, compat: compatLine(ws.version)! });
  for (const crate of ws.members) {
    const line = lines.get(crate.name);
    const compat = compatLine(crate.version);
    if (!line || !compat) continue;
    const first = seen.get(line);
    if (!first) seen.set(line, { crate, compat });
    else if (first.compat !== compat)
      problems.error(
        crate.manifest,
        undefined,
        `crate ${crate.name} (${crate.version}, line ${lineLabel(compat)}) is configured onto line ${line} with ${first.crate.name} (line ${lineLabel(first.compat)}); a line moves as one compatibility line`,
        `bring ${crate.name} to the ${lineLabel(first.compat)} line first, or take it out of the versionLines setting that groups it`,
      );
  }
}
