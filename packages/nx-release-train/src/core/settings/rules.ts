/**
 * The settings rules that need the workspace: what `versionLines` says about the crates that
 * are there. The schema (schema.ts) checks every value on its own; this stage checks the
 * settings against the model, once, wherever settings meet a workspace: when Nx builds the
 * graph (reported by `nx show projects`), when an executor resolves its options, and when the
 * planner plans a snapshot (which may be another branch than the working tree).
 */
import type { Crate, Diagnostic, Workspace } from '../model';
import type { ReleaseTrainOptions } from './options';
import { compatLine, lineLabel } from '../release-line';
import { assignLines, namePattern, WORKSPACE_LINE } from '../version/grouping';

/** A problem of a setting: where it shows (nx.json, or the crate's manifest) and which setting says it. */
export interface SettingDiagnostic extends Diagnostic {
  setting: string;
}

const SETTINGS_FILE = 'nx.json';

export function settingsRules(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  return [
    ...builtInGroupNames(options),
    ...unmatchedEntries(options, ws),
    ...groupedTwice(options, ws),
    ...mixedCompatLines(options, ws),
    ...inheritedCrates(options, ws),
    ...releaseCrate(options, ws),
  ];
}

/** The errors only, for a caller that must refuse before doing anything. */
export function settingsErrors(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  return settingsRules(options, ws).filter((d) => d.level === 'error');
}

/** A group named like a line the manifests already give would merge two lines silently. */
function builtInGroupNames(options: ReleaseTrainOptions): SettingDiagnostic[] {
  return Object.keys(options.versionLines.groups)
    .filter((name) => name === WORKSPACE_LINE || compatLine(`${name}.0.0`) !== null || /^0\.\d+$/.test(name))
    .map((name) => ({
      level: 'error',
      file: SETTINGS_FILE,
      setting: `versionLines.groups.${name}`,
      message: `versionLines.groups.${name}: "${name}" is a built-in line name`,
      fix: 'give the group another name',
    }));
}

/** An entry naming no crate changes nothing: most likely a misspelt or renamed crate. */
function unmatchedEntries(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  const { followWorkspace, fixed, movePrivate, groups, follow, bump } = options.versionLines;
  const lists: Array<[string, string[]]> = [
    ['versionLines.followWorkspace', followWorkspace],
    ['versionLines.follow', follow],
    ['versionLines.bump', Object.keys(bump)],
    ['versionLines.fixed', fixed],
    ['versionLines.movePrivate', movePrivate],
    ...Object.entries(groups).map(([name, list]): [string, string[]] => [`versionLines.groups.${name}`, list]),
  ];
  const out: SettingDiagnostic[] = [];
  for (const [setting, list] of lists) {
    list.forEach((entry, i) => {
      const re = namePattern(entry);
      if (ws.members.some((c) => re.test(c.name))) return;
      out.push({
        level: 'warning',
        file: SETTINGS_FILE,
        setting: `${setting}[${i}]`,
        message: `${setting} names "${entry}", which matches no crate of the workspace`,
        fix: `correct the crate name or remove it from ${setting}`,
      });
    });
  }
  return out;
}

function groupedTwice(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  const groups = Object.entries(options.versionLines.groups).map(([name, patterns]) => ({ name, res: patterns.map(namePattern) }));
  return ws.members.flatMap((crate): SettingDiagnostic[] => {
    const fixed = options.versionLines.fixed.map(namePattern).some((re) => re.test(crate.name));
    const inGroups = groups.filter((g) => g.res.some((re) => re.test(crate.name)));
    if (fixed || inGroups.length < 2) return [];
    return [
      {
        level: 'error',
        file: SETTINGS_FILE,
        setting: 'versionLines.groups',
        message: `crate ${crate.name} is in groups ${inGroups.map((g) => g.name).join(' and ')}`,
        fix: 'list it in one group of versionLines.groups',
      },
    ];
  });
}

/** Crates a setting put on one line must share a compatibility line (what Cargo can unify). */
function mixedCompatLines(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  const lines = assignLines(ws, options.versionLines);
  const seen = new Map<string, { crate: Crate; compat: string }>();
  const out: SettingDiagnostic[] = [];
  if (ws.version !== null && compatLine(ws.version))
    seen.set(WORKSPACE_LINE, { crate: { name: '[workspace.package]', manifest: ws.rootManifest } as Crate, compat: compatLine(ws.version)! });
  for (const crate of ws.members) {
    const line = lines.get(crate.name);
    const compat = compatLine(crate.version);
    if (!line || !compat) continue;
    const first = seen.get(line);
    if (!first) seen.set(line, { crate, compat });
    else if (first.compat !== compat)
      out.push({
        level: 'error',
        file: crate.manifest,
        setting: line === WORKSPACE_LINE ? 'versionLines.followWorkspace' : `versionLines.groups.${line}`,
        message: `crate ${crate.name} (${crate.version}, line ${lineLabel(compat)}) is configured onto line ${line} with ${first.crate.name} (line ${lineLabel(first.compat)}); a line moves as one compatibility line`,
        fix: `bring ${crate.name} to the ${lineLabel(first.compat)} line first, or take it out of the versionLines setting that groups it`,
      });
  }
  return out;
}

/**
 * A crate inheriting `version.workspace` moves with `[workspace.package] version` whatever a
 * setting says: `fixed` or a group would leave the requirements on it behind while its version
 * moves (a cut cargo rejects), so such an entry is refused with the way to say it.
 */
function inheritedCrates(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  const lists: Array<[string, string[]]> = [
    ['versionLines.fixed', options.versionLines.fixed],
    ...Object.entries(options.versionLines.groups).map(([name, list]): [string, string[]] => [`versionLines.groups.${name}`, list]),
  ];
  const out: SettingDiagnostic[] = [];
  for (const [setting, list] of lists)
    for (const entry of list) {
      const re = namePattern(entry);
      for (const crate of ws.members.filter((c) => c.versionFrom === 'workspace' && re.test(c.name)))
        out.push({
          level: 'error',
          file: SETTINGS_FILE,
          setting,
          message: `${setting} names crate ${crate.name} ("${entry}"), which inherits version.workspace: it moves with [workspace.package] version whatever the setting says`,
          fix: `remove it from ${setting}${setting === 'versionLines.fixed' ? `, or give ${crate.manifest} a literal version = "${crate.version}" to keep it still` : ''}`,
        });
    }
  return out;
}

/** `versionLines.release` must name a crate on a line that moves, in a workspace without [workspace.package] version. */
function releaseCrate(options: ReleaseTrainOptions, ws: Workspace): SettingDiagnostic[] {
  const named = options.versionLines.release;
  if (!named) return [];
  if (ws.version !== null)
    return [
      {
        level: 'warning',
        file: SETTINGS_FILE,
        setting: 'versionLines.release',
        message: `versionLines.release names ${named}, but [workspace.package] version (${ws.version}) names the release`,
        fix: 'remove versionLines.release (it applies only to workspaces without [workspace.package] version)',
      },
    ];
  const line = assignLines(ws, options.versionLines).get(named);
  if (line) return [];
  const crate = ws.members.find((c) => c.name === named);
  return [
    {
      level: 'error',
      file: SETTINGS_FILE,
      setting: 'versionLines.release',
      message: crate
        ? `versionLines.release names crate ${named}, which never moves (fixed, or private with a literal version)`
        : `versionLines.release names "${named}", which is no crate of the workspace`,
      fix: 'name a crate of the line the release is named after',
    },
  ];
}
