/**
 * Version lines: crates that move together. Before a bump every crate of a line must carry
 * the same version; the line then moves as one (SPEC §2).
 */
import type { Crate, Workspace } from '../model';
import type { PlanContext } from './plan-context';
import { findEntry } from './toml-scan';
import { nextVersion, type BumpKind } from './versions';

/** The line name of crates inheriting `[workspace.package] version`. */
export const WORKSPACE_LINE = 'workspace';

export interface LineBump {
  /** 'workspace', '0.x', 'N.x' (as in Crate.line). */
  line: string;
  from: string;
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
  const groups = new Map<string, Crate[]>();
  for (const c of ws.members) {
    if (c.line === null) continue;
    const g = groups.get(c.line) ?? [];
    g.push(c);
    groups.set(c.line, g);
  }
  // The workspace version moves even when no member inherits it: it names the release.
  if (ws.version !== null && !groups.has(WORKSPACE_LINE)) groups.set(WORKSPACE_LINE, []);

  const lines: LineBump[] = [];
  const crates: CrateBump[] = [];
  for (const [line, members] of groups) {
    const from = line === WORKSPACE_LINE ? workspaceVersion(ctx, ws, members) : majorityVersion(ctx, ws, line, members);
    if (from === null) continue;
    const to = nextVersion(from, bump);
    if (to === null) {
      const site = members[0] ? versionSite(ctx, ws, members[0]) : { file: ws.rootManifest };
      ctx.problems.error(site.file, site.line, `version "${from}" of line ${line} is not valid semver`, 'write MAJOR.MINOR.PATCH');
      continue;
    }
    lines.push({ line, from, to, crates: members.map((c) => c.name) });
    for (const c of members)
      crates.push({ name: c.name, line, manifest: c.manifest, publishable: c.publishable, from: c.version, to });
  }
  const moving = new Map(crates.map((c) => [c.name, c]));
  const primary = lines.find((l) => l.line === WORKSPACE_LINE) ?? (lines.length === 1 ? lines[0] : null);
  return { lines, crates, moving, primary };
}

function workspaceVersion(ctx: PlanContext, ws: Workspace, members: Crate[]): string | null {
  if (ws.version !== null) return ws.version;
  ctx.problems.error(
    ws.rootManifest,
    undefined,
    `${members.map((c) => c.name).join(', ')} inherit version.workspace but [workspace.package] has no version`,
    'add `version = "X.Y.Z"` under [workspace.package]',
  );
  return null;
}

/** The version most crates of the line carry; every crate that differs is an error. */
function majorityVersion(ctx: PlanContext, ws: Workspace, line: string, members: Crate[]): string | null {
  const counts = new Map<string, number>();
  for (const c of members) counts.set(c.version, (counts.get(c.version) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, n] of counts) if (n > bestCount) [best, bestCount] = [v, n];
  if (counts.size === 1) return best;
  for (const c of members) {
    if (c.version === best) continue;
    const site = versionSite(ctx, ws, c);
    ctx.problems.error(
      site.file,
      site.line,
      `crate ${c.name} is at ${c.version} but ${bestCount} other crate(s) of version line ${line} are at ${best}; ` +
        'a line must share one version before a bump',
      `set version = "${best}" in ${c.manifest} (or bring the whole line to one version)`,
    );
  }
  return null;
}
