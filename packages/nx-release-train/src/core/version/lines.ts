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
import { assignLines, WORKSPACE_LINE } from './grouping';
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
}

/** Where a crate's version is written: its own [package] or the root's [workspace.package]. */
function versionSite(ctx: PlanContext, ws: Workspace, crate: Crate): { file: string; line?: number } {
  const inherited = crate.versionFrom === 'workspace';
  const file = inherited ? ws.rootManifest : crate.manifest;
  const scan = ctx.scan(file);
  const entry = scan && findEntry(scan, inherited ? ['workspace', 'package', 'version'] : ['package', 'version']);
  return { file, line: entry?.line };
}

export function computeLines(ctx: PlanContext, ws: Workspace, bump: BumpKind): Lines {
  // The snapshot planned may be another branch than the one the graph saw: its rules, once.
  for (const d of settingsRules(ctx.options, ws))
    (d.level === 'error' ? ctx.problems.error : ctx.problems.warn).call(ctx.problems, d.file, d.line, d.message, d.fix);
  const assigned = assignLines(ws, ctx.options.versionLines);
  const groups = new Map<string, Crate[]>();
  for (const c of ws.members) {
    const line = assigned.get(c.name);
    if (!line) continue;
    groups.set(line, [...(groups.get(line) ?? []), c]);
  }
  // The workspace version moves even when no member inherits it: it names the release.
  if (ws.version !== null && !groups.has(WORKSPACE_LINE)) groups.set(WORKSPACE_LINE, []);

  const lines: LineBump[] = [];
  const crates: CrateBump[] = [];
  for (const [line, members] of groups) {
    const invalid = members.filter((c) => c.versionFrom === 'literal' && !semver.valid(c.version));
    for (const c of invalid) {
      const site = versionSite(ctx, ws, c);
      ctx.problems.error(site.file, site.line, `version "${c.version}" of crate ${c.name} is not valid semver`, 'write MAJOR.MINOR.PATCH');
    }
    const from = line === WORKSPACE_LINE ? workspaceVersion(ctx, ws, members) : highest(members);
    if (from === null || invalid.length > 0) continue;
    if (staysOnPatch(ctx, ws, line, from, bump, members)) continue;
    // A major bump aligns the line on the next version of its highest crate.
    const step = stepVersion(bump === 'major' ? highest([{ version: from }, ...members]) : from, bump, ctx.options);
    if ('error' in step) {
      const site = members[0] ? versionSite(ctx, ws, members[0]) : { file: ws.rootManifest };
      ctx.problems.error(site.file, site.line, `line ${line}: ${step.error}`, step.fix);
      continue;
    }
    const to = step.to;
    lines.push({ line, from, to, crates: members.map((c) => c.name) });
    for (const c of members) {
      // A patch moves each crate by one patch from its own version; every other step takes
      // the whole line to one version (a cut aligns diverged patches, a candidate or release
      // day moves the line through the train together).
      const own = bump === 'patch' && c.version !== from ? stepVersion(c.version, bump, ctx.options) : { to };
      if ('error' in own) {
        const site = versionSite(ctx, ws, c);
        ctx.problems.error(site.file, site.line, `crate ${c.name}: ${own.error}`, own.fix);
        continue;
      }
      crates.push({ name: c.name, line, manifest: c.manifest, publishable: c.publishable, from: c.version, to: own.to });
    }
  }
  checkSameStage(ctx, ws, lines, groups);
  const moving = new Map(crates.map((c) => [c.name, c]));
  const primary = lines.find((l) => l.line === WORKSPACE_LINE) ?? (lines.length === 1 ? lines[0] : null);
  return { lines, crates, moving, primary };
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

/** The highest version among crates of one line (they share the compatibility line). */
function highest(members: ReadonlyArray<{ version: string }>): string {
  return members.map((c) => c.version).reduce((a, b) => (semver.gt(b, a) ? b : a));
}

/**
 * The version releases are named after, without planning: the workspace version, else the
 * highest version of the only line that moves; null when nothing moves or several lines do
 * (then nothing tells which one names the release).
 */
export function primaryVersion(ws: Workspace, options: ReleaseTrainOptions): string | null {
  if (ws.version !== null) return ws.version;
  const assigned = assignLines(ws, options.versionLines);
  const moving = ws.members.filter((c) => assigned.get(c.name) && semver.valid(c.version));
  const lines = new Set(moving.map((c) => assigned.get(c.name)));
  return lines.size === 1 ? highest(moving) : null;
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
