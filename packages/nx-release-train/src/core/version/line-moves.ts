/**
 * Which version lines a release moves, and why (the plan says it for every line).
 *
 * The release's own line always moves: the `workspace` line when there is a
 * `[workspace.package] version`, else the line of the crate `versionLines.release` names, else
 * the only line there is. A literal line on the release's compatibility line (wgpu's 0.19
 * crates beside a workspace at 0.19.3) is that line too. Any other line moves only when
 * `versionLines.follow` names one of its crates (the wasmtime preset: Cranelift), or when one of
 * its crates changed since the release tag that carries the line's current version (git, by
 * path: the caller reads that and passes it as `LineHistory`); a line that no tag carries
 * stays. Helper crates on their own line (0.4.1 beside 1.17.0) are thus left alone until they
 * change, as projects release them.
 *
 * Candidates and release day move only the lines in pre-release with the release: a line
 * already released stays.
 *
 * A patch decides alike on its release branch: the tag is looked up from the branch's own
 * version of the line and the change measured against the branch tip, so a fix backported
 * into a helper moves the helper's line on that branch only. One thing differs from main's
 * cut: the version a patch gives may already be released from another branch (the same
 * helper fix patched on release-1.18.0 first, then on release-1.17.0, both 0.4.1 -> 0.4.2).
 * Such a line is refused (`releasedFrom`), never published twice under one version.
 */
import semver from 'semver';
import type { Crate, Workspace } from '../model';
import type { ReleaseTrainOptions } from '../settings/options';
import { compatLine, lineLabel } from '../release-line';
import { assignLines, namePattern, WORKSPACE_LINE } from './grouping';
import type { BumpKind } from './versions';

/** What git says about a line: the newest release tag carrying its version, and its crates changed since. */
export interface LineHistoryEntry {
  tag: string | null;
  /** Names of the line's crates whose directory differs between the tag and the commit planned. */
  changed: string[];
  /** The line's versions above its current one that release tags already carry (another branch released them). */
  taken?: ReadonlyArray<{ tag: string; version: string }>;
}

/** By line name; lines absent were not looked up (no tag is assumed). */
export type LineHistory = ReadonlyMap<string, LineHistoryEntry>;

export interface LineDecision {
  moves: boolean;
  reason: string;
}

/** The lines of a workspace by name, in workspace order (settings applied). */
export function linesOf(ws: Workspace, options: ReleaseTrainOptions): Map<string, Crate[]> {
  const assigned = assignLines(ws, options.versionLines);
  const groups = new Map<string, Crate[]>();
  for (const c of ws.members) {
    const line = assigned.get(c.name);
    if (line) groups.set(line, [...(groups.get(line) ?? []), c]);
  }
  // The workspace version moves even when no member inherits it: it names the release.
  if (ws.version !== null && !groups.has(WORKSPACE_LINE)) groups.set(WORKSPACE_LINE, []);
  return groups;
}

/**
 * The line the release is named after, or null when nothing tells (several lines, no
 * `[workspace.package] version`, no `versionLines.release`).
 */
export function releaseLineName(ws: Workspace, options: ReleaseTrainOptions, lines = linesOf(ws, options)): string | null {
  if (ws.version !== null) return WORKSPACE_LINE;
  const named = options.versionLines.release;
  if (named) return [...lines].find(([, crates]) => crates.some((c) => c.name === named))?.[0] ?? null;
  return lines.size === 1 ? [...lines.keys()][0] : null;
}

function matcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns.map(namePattern);
  return (name) => res.some((re) => re.test(name));
}

/** The highest version among crates of one line. */
export function highestVersion(members: ReadonlyArray<{ version: string }>): string {
  return members.map((c) => c.version).reduce((a, b) => (semver.valid(b) && (!semver.valid(a) || semver.gt(b, a)) ? b : a));
}

/** A line's version as the release sees it: the workspace version, else its highest crate. */
function versionOf(ws: Workspace, line: string, crates: Crate[]): string | null {
  if (line === WORKSPACE_LINE) return ws.version;
  return crates.length ? highestVersion(crates) : null;
}

/**
 * The lines whose move git decides: neither the release's own line, nor on its compatibility
 * line, nor followed. The caller looks each up (newest tag carrying `version`, crates changed).
 */
export function linesToLookUp(ws: Workspace, options: ReleaseTrainOptions): Array<{ line: string; version: string; crates: Crate[] }> {
  const lines = linesOf(ws, options);
  const own = releaseLineName(ws, options, lines);
  const out: Array<{ line: string; version: string; crates: Crate[] }> = [];
  for (const [line, crates] of lines) {
    const version = versionOf(ws, line, crates);
    if (version === null || !semver.valid(version)) continue;
    if (decideBySettings(ws, options, lines, own, line, crates) === null) out.push({ line, version, crates });
  }
  return out;
}

/** The decision settings alone make (own line, its compatibility line, follow); null: git decides. */
function decideBySettings(
  ws: Workspace,
  options: ReleaseTrainOptions,
  lines: Map<string, Crate[]>,
  own: string | null,
  line: string,
  crates: Crate[],
): LineDecision | null {
  if (own === null || line === own) return { moves: true, reason: "the release's line" };
  const ownVersion = versionOf(ws, own, lines.get(own) ?? []);
  const ownCompat = ownVersion && compatLine(ownVersion);
  if (line !== WORKSPACE_LINE && ownCompat && crates.every((c) => compatLine(c.version) === ownCompat))
    return { moves: true, reason: `on the release's compatibility line ${lineLabel(ownCompat)}` };
  const followed = crates.find((c) => matcher(options.versionLines.follow)(c.name));
  if (followed) return { moves: true, reason: `versionLines.follow names ${followed.name}` };
  return null;
}

/** Whether `line` moves on this step, and why, in words the plan prints. */
export function decideLine(
  ws: Workspace,
  options: ReleaseTrainOptions,
  lines: Map<string, Crate[]>,
  line: string,
  from: string,
  ownFrom: string | null,
  step: BumpKind,
  history: LineHistory | undefined,
): LineDecision {
  const own = releaseLineName(ws, options, lines);
  const crates = lines.get(line) ?? [];
  if (step === 'candidate' || step === 'release') {
    // Only lines in pre-release with the release go through its candidates and release day.
    if (line !== own && ownFrom !== null && semver.prerelease(ownFrom) !== null && semver.prerelease(from) === null)
      return { moves: false, reason: `released at ${from}: only lines in pre-release with the release move on this step` };
    return { moves: true, reason: line === own ? "the release's line" : 'in pre-release with the release' };
  }
  const settled = decideBySettings(ws, options, lines, own, line, crates);
  if (settled) return settled;
  const found = history?.get(line);
  if (!found?.tag) return { moves: false, reason: `no release tag carries ${from}, and versionLines.follow names none of its crates` };
  if (found.changed.length > 0) return { moves: true, reason: `${found.changed.join(', ')} changed since ${found.tag}` };
  return { moves: false, reason: `unchanged since ${found.tag}` };
}

/**
 * The step a moving line takes on a cut: `versionLines.bump` for its crates, else the
 * release's own. Crates of one line asking for different steps are refused.
 */
export function cutLevelOf(crates: Crate[], options: ReleaseTrainOptions, level: CutLevel): { level: CutLevel } | { error: string; fix: string } {
  const asked = new Map<string, string>();
  for (const [glob, bump] of Object.entries(options.versionLines.bump))
    for (const c of crates) if (namePattern(glob).test(c.name) && !asked.has(c.name)) asked.set(c.name, bump);
  const levels = new Set(asked.values());
  if (levels.size > 1)
    return {
      error: `versionLines.bump asks for ${[...levels].join(' and ')} on crates of one line (${[...asked].map(([c, b]) => `${c}: ${b}`).join(', ')})`,
      fix: 'give every crate of a line the same step in versionLines.bump',
    };
  return { level: (levels.values().next().value as CutLevel | undefined) ?? level };
}

/** How far a cut moves a line: `major` (0.x lines: their minor), `minor`, or `patch`. */
export type CutLevel = 'major' | 'minor' | 'patch';

/**
 * The tag that already carries `to` for a line git decides (another branch released that
 * version of it), or null. Main's cut steps above every release of a line unless
 * `versionLines.bump` asks for a patch; a patch of an older branch may land on a version a
 * newer branch released.
 */
export function releasedFrom(history: LineHistory | undefined, line: string, to: string): string | null {
  return history?.get(line)?.taken?.find((t) => t.version === to)?.tag ?? null;
}
