/**
 * Version lines: crates that move together (grouping.ts says which). A major bump moves the
 * whole line to the next version of its highest crate, aligning crates whose patches
 * diverged (0.19.2 and 0.19.3 both go to 0.20.0); a patch bump moves each crate of the line
 * by one patch (0.19.2 -> 0.19.3, 0.19.3 -> 0.19.4).
 */
import semver from 'semver';
import type { Crate, Workspace } from '../model';
import type { ReleaseTrainOptions } from '../settings/options';
import type { PlanContext } from './plan-context';
import { settingsRules } from '../settings/rules';
import { WORKSPACE_LINE } from './grouping';
import { cutLevelOf, decideLine, highestVersion, linesOf, releasedFrom, releaseLineName, type CutLevel, type LineHistory } from './line-moves';
import { cutStep } from './cut-step';
import { findEntry } from './toml-scan';
import { describeStage, isPrerelease, releaseVersionOf, sameStage, stageOf, stepVersion } from './prerelease';
import type { BumpKind } from './versions';

export { WORKSPACE_LINE };

export interface LineBump {
  /** 'workspace', a compatibility line ('46', '0.19'), or a configured group's name. */
  line: string;
  /** The line's highest version (its crates may differ in patch). */
  from: string;
  /** Where a major bump takes every crate; on a patch, the highest crate's next patch. */
  to: string;
  /** Crate names on the line, in workspace order. */
  crates: string[];
  /** Why the line moves (the release's own line, versionLines.follow, a change since its tag...). */
  reason: string;
}

/** A line the release leaves where it is, and why. */
export interface LineStay {
  line: string;
  version: string;
  crates: string[];
  reason: string;
}

export interface CrateBump {
  name: string;
  line: string;
  manifest: string;
  publishable: boolean;
  from: string;
  to: string;
}

export interface Lines {
  lines: LineBump[];
  crates: CrateBump[];
  /** Moving crates by name. */
  moving: Map<string, CrateBump>;
  /** The line releases are named after: 'workspace' if any, else the only line. */
  primary: LineBump | null;
  /** Lines that do not move, with the reason. */
  staying: LineStay[];
}

/** Where a crate's version is written: its own [package] or the root's [workspace.package]. */
function versionSite(ctx: PlanContext, ws: Workspace, crate: Crate): { file: string; line?: number } {
  const inherited = crate.versionFrom === 'workspace';
  const file = inherited ? ws.rootManifest : crate.manifest;
  const scan = ctx.scan(file);
  const entry = scan && findEntry(scan, inherited ? ['workspace', 'package', 'version'] : ['package', 'version']);
  return { file, line: entry?.line };
}

export interface LinesInput {
  bump: BumpKind;
  /** On a cut ('major'): how far the release moves its own line (`release-major --bump=minor`). */
  level?: CutLevel;
  history?: LineHistory;
}

export function computeLines(ctx: PlanContext, ws: Workspace, input: LinesInput): Lines {
  const { bump } = input;
  // The snapshot planned may be another branch than the one the graph saw: its rules, once.
  for (const d of settingsRules(ctx.options, ws))
    (d.level === 'error' ? ctx.problems.error : ctx.problems.warn).call(ctx.problems, d.file, d.line, d.message, d.fix);
  const groups = linesOf(ws, ctx.options);
  const own = releaseLineName(ws, ctx.options, groups);
  if (own === null && groups.size > 1) {
    ctx.problems.error(
      ws.rootManifest,
      undefined,
      `several version lines (${[...groups.keys()].join(', ')}) and no [workspace.package] version: no line names the release`,
      'set versionLines.release to a crate of the line the release is named after (or add [workspace.package] version)',
    );
    return { lines: [], crates: [], moving: new Map(), primary: null, staying: [] };
  }
  const ownCrates = own === null ? [] : (groups.get(own) ?? []);
  const ownFrom = own === WORKSPACE_LINE ? ws.version : ownCrates.length ? highestVersion(ownCrates) : null;

  const lines: LineBump[] = [];
  const crates: CrateBump[] = [];
  const staying: LineStay[] = [];
  for (const [line, members] of groups) {
    const invalid = members.filter((c) => c.versionFrom === 'literal' && !semver.valid(c.version));
    for (const c of invalid) {
      const site = versionSite(ctx, ws, c);
      ctx.problems.error(site.file, site.line, `version "${c.version}" of crate ${c.name} is not valid semver`, 'write MAJOR.MINOR.PATCH');
    }
    const from = line === WORKSPACE_LINE ? workspaceVersion(ctx, ws, members) : highestVersion(members);
    if (from === null || invalid.length > 0) continue;
    if (staysOnPatch(ctx, ws, line, from, bump, members)) {
      staying.push({ line, version: from, crates: members.map((c) => c.name), reason: 'in pre-release: a patch of the workspace leaves it alone' });
      continue;
    }
    const decision = decideLine(ws, ctx.options, groups, line, from, ownFrom, bump, input.history);
    if (!decision.moves) {
      staying.push({ line, version: from, crates: members.map((c) => c.name), reason: decision.reason });
      continue;
    }
    // A cut aligns the line on the next version of its highest crate.
    const top = bump === 'major' ? highestVersion([{ version: from }, ...members]) : from;
    const level = bump === 'major' ? cutLevelOf(members, ctx.options, input.level ?? 'major') : null;
    const step = level && 'error' in level ? level : level ? cutStep(top, level.level, ctx.options) : stepVersion(top, bump, ctx.options);
    if ('error' in step) {
      const site = members[0] ? versionSite(ctx, ws, members[0]) : { file: ws.rootManifest };
      ctx.problems.error(site.file, site.line, `line ${line}: ${step.error}`, step.fix);
      continue;
    }
    const to = step.to;
    const taken = releasedFrom(input.history, line, to);
    if (taken) {
      const site = members[0] ? versionSite(ctx, ws, members[0]) : { file: ws.rootManifest };
      ctx.problems.error(
        site.file,
        site.line,
        `line ${line} (${members.map((c) => c.name).join(', ')}) would move ${from} -> ${to} (${decision.reason}), but ${taken} already released ${to} from another branch: one version would be published twice`,
        `ship the change to ${members.map((c) => c.name).join(', ')} on one release line only (undo it here), or keep the line at ${from} on this release with versionLines.fixed`,
      );
      continue;
    }
    lines.push({ line, from, to, crates: members.map((c) => c.name), reason: decision.reason });
    for (const c of members) {
      // A patch moves each crate by one patch from its own version; every other step takes
      // the whole line to one version (a cut aligns diverged patches, a candidate or release
      // day moves the line through the train together).
      const mine = bump === 'patch' && c.version !== from ? stepVersion(c.version, bump, ctx.options) : { to };
      if ('error' in mine) {
        const site = versionSite(ctx, ws, c);
        ctx.problems.error(site.file, site.line, `crate ${c.name}: ${mine.error}`, mine.fix);
        continue;
      }
      crates.push({ name: c.name, line, manifest: c.manifest, publishable: c.publishable, from: c.version, to: mine.to });
    }
  }
  checkSameStage(ctx, ws, lines, groups);
  const moving = new Map(crates.map((c) => [c.name, c]));
  const primary = lines.find((l) => l.line === own) ?? null;
  return { lines, crates, moving, primary, staying };
}

/**
 * A patch releases the workspace's line: another line still before its release (a crate at
 * 0.8.0-alpha.0 beside a 0.7.x workspace) has nothing to patch and stays where it is, said once.
 */
function staysOnPatch(ctx: PlanContext, ws: Workspace, line: string, from: string, bump: BumpKind, members: Crate[]): boolean {
  // Any pre-release, known shape or not: it is not this patch's line, so its shape is not judged.
  if (bump !== 'patch' || ws.version === null || line === WORKSPACE_LINE || semver.prerelease(from) === null) return false;
  const stage = stageOf(from, ctx.options);
  const site = versionSite(ctx, ws, members[0]);
  ctx.problems.warn(
    site.file,
    site.line,
    `line ${line} (${members.map((c) => c.name).join(', ')}) stays at ${from}: it is ${isPrerelease(stage) ? describeStage(stage) : 'a pre-release'}, so a patch of the workspace leaves it alone`,
    'nothing to do; it moves when it is released',
  );
  return true;
}

function workspaceVersion(ctx: PlanContext, ws: Workspace, members: Crate[]): string | null {
  if (ws.version === null) {
    ctx.problems.error(
      ws.rootManifest,
      undefined,
      `${members.map((c) => c.name).join(', ')} inherit version.workspace but [workspace.package] has no version`,
      'add `version = "X.Y.Z"` under [workspace.package]',
    );
    return null;
  }
  if (semver.valid(ws.version)) return ws.version;
  const entry = ctx.scan(ws.rootManifest);
  const line = entry ? findEntry(entry, ['workspace', 'package', 'version'])?.line : undefined;
  ctx.problems.error(ws.rootManifest, line, `[workspace.package] version "${ws.version}" is not valid semver`, 'write MAJOR.MINOR.PATCH');
  return null;
}

/**
 * The version releases are named after, without planning: the release's line's version
 * (line-moves.ts says which line); null when nothing tells (several lines, no
 * `[workspace.package] version`, no `versionLines.release`) or nothing moves.
 */
export function primaryVersion(ws: Workspace, options: ReleaseTrainOptions): string | null {
  if (ws.version !== null) return ws.version;
  const lines = linesOf(ws, options);
  const own = releaseLineName(ws, options, lines);
  const crates = (own && lines.get(own)?.filter((c) => semver.valid(c.version))) || [];
  return crates.length ? highestVersion(crates) : null;
}

/**
 * Every line must be at the same point of the train (all `-dev`, all `-rc.N`, all released):
 * `49.0.0-dev` next to `0.136.0` would release one line and not the other.
 */
function checkSameStage(ctx: PlanContext, ws: Workspace, lines: LineBump[], groups: Map<string, Crate[]>): void {
  const [first, ...rest] = lines;
  if (!first) return;
  const stage = stageOf(first.from, ctx.options);
  for (const other of rest) {
    const s = stageOf(other.from, ctx.options);
    if (sameStage(stage, s)) continue;
    const member = groups.get(other.line)?.[0];
    const site = member ? versionSite(ctx, ws, member) : { file: ws.rootManifest };
    ctx.problems.error(
      site.file,
      site.line,
      `version line ${other.line} is at ${other.from} (${describeStage(s)}) but line ${first.line} is at ${first.from} (${describeStage(stage)}); ` +
        'every line of a release moves through the train together',
      stageFix(other, first, s.kind === 'final' && stage.kind !== 'final' ? (groups.get(other.line) ?? []) : []),
    );
  }
}

/**
 * A line already released beside one still in development (`released`: its crates, else none)
 * is most often crates that keep their own version through releases (iced's shape):
 * `versionLines.fixed` says so. Otherwise the suffixes are to be aligned.
 */
function stageFix(other: LineBump, first: LineBump, released: readonly Crate[]): string {
  const align = `bring every line to the same suffix (here ${releaseVersionOf(other.from)}${first.from.slice(releaseVersionOf(first.from).length)}) and commit`;
  // Crates inheriting the workspace version cannot be fixed (the setting refuses them).
  const crates = released.filter((c) => c.versionFrom === 'literal');
  if (crates.length === 0 || crates.length !== released.length) return align;
  const names = crates.map((c) => `"${c.name}"`).join(', ');
  return `if ${names} ${crates.length === 1 ? 'keeps its' : 'keep their'} own version through releases, add ${names} to versionLines.fixed in nx.json; otherwise ${align}`;
}
