/**
 * The edits for versions `nx release` chose (issue 25): the same manifest, requirement,
 * Cargo.lock and version-file steps as the train's planner, driven by explicit new versions
 * per crate instead of a train step. A crate inheriting `[workspace.package] version` moves
 * the workspace version once; `workspace = true` requirements move in
 * `[workspace.dependencies]`; every byte outside the edited values is kept.
 */
import semver from 'semver';
import type { Crate, Workspace } from '../model';
import type { ReleaseTrainOptions } from '../settings/options';
import { settingsRules } from '../settings/rules';
import { assignLines, WORKSPACE_LINE } from './grouping';
import type { CrateBump, LineBump, Lines } from './lines';
import { planLockfile } from './lockfile';
import { planManifests } from './manifests';
import { lockPath, spliceEdits, type FileEdit } from './plan';
import { PlanContext } from './plan-context';
import { planVersionFiles } from './version-files';

export interface MovesInput {
  workspace: Workspace;
  /** Texts by path relative to the root, as for planVersions (filesToRead). */
  files: ReadonlyMap<string, string>;
  options: ReleaseTrainOptions;
  /** New version by crate name: the crates `nx release` versioned. */
  versions: ReadonlyMap<string, string>;
}

export interface MovesPlan {
  lines: LineBump[];
  crates: CrateBump[];
  /** Files that change, sorted by path. */
  edits: FileEdit[];
}

/** Plans the moves, or throws PlanError listing every problem (nothing is half-planned). */
export function planMoves(input: MovesInput): MovesPlan {
  const { workspace: ws, options, versions } = input;
  const ctx = new PlanContext(input.files, options, false);
  for (const d of ws.diagnostics) if (d.level === 'error') ctx.problems.errors.push(d);
  // The settings' rules against this tree, once (core/settings/rules.ts).
  for (const d of settingsRules(options, ws))
    (d.level === 'error' ? ctx.problems.error : ctx.problems.warn).call(ctx.problems, d.file, d.line, d.message, d.fix);
  const assigned = assignLines(ws, options.versionLines);
  const groups = new Map<string, Crate[]>();
  for (const c of ws.members) {
    const line = assigned.get(c.name);
    if (line) groups.set(line, [...(groups.get(line) ?? []), c]);
    else if (versions.has(c.name))
      ctx.problems.error(
        c.manifest,
        undefined,
        `crate ${c.name} never moves (publish = false with a literal version), but nx release versioned it`,
        'leave it out of the release groups (nx g nx-release-train:release-config)',
      );
  }
  const lines: LineBump[] = [];
  const crates: CrateBump[] = [];
  for (const [line, members] of groups) {
    const targets = [...new Set(members.filter((c) => versions.has(c.name)).map((c) => versions.get(c.name)!))];
    if (targets.length === 0) continue;
    if (targets.length > 1) {
      const which = members.filter((c) => versions.has(c.name)).map((c) => `${c.name} ${versions.get(c.name)}`);
      ctx.problems.error(
        'nx.json',
        undefined,
        `the crates of version line ${line} were given different versions (${which.join(', ')}); a line moves together`,
        'put every crate of the line in one fixed release group (nx g nx-release-train:release-config)',
      );
      continue;
    }
    const to = targets[0];
    const from = line === WORKSPACE_LINE && ws.version !== null ? ws.version : highest(members);
    if (!semver.valid(to)) {
      ctx.problems.error('(command line)', undefined, `version "${to}" for line ${line} is not valid semver`, 'give MAJOR.MINOR.PATCH');
      continue;
    }
    lines.push({ line, from, to, crates: members.map((c) => c.name), reason: 'nx release versioned it' });
    for (const c of members) crates.push({ name: c.name, line, manifest: c.manifest, publishable: c.publishable, from: c.version, to });
  }
  const moving = new Map(crates.map((c) => [c.name, c]));
  // Releases are named after the workspace version when there is one: a release of the
  // Cranelift line alone leaves the version files (wasmtime.h) alone.
  const primary = lines.find((l) => l.line === WORKSPACE_LINE) ?? (lines.length === 1 && ws.version === null ? lines[0] : null);
  const planned: Lines = { lines, crates, moving, primary, staying: [] };
  planManifests(ctx, ws, planned);
  planLockfile(ctx, lockPath(ws), planned);
  // Version files follow the version releases are named after: only when that one moved.
  if (primary || (lines.length > 1 && ws.version === null)) planVersionFiles(ctx, primary);
  ctx.problems.throwIfAny();
  const edits = spliceEdits(ctx, input.files).filter((e) => e.before !== e.after);
  edits.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { lines, crates, edits };
}

function highest(members: readonly Crate[]): string {
  return members.map((c) => c.version).reduce((a, b) => (semver.valid(a) && semver.valid(b) && semver.gt(b, a) ? b : a));
}
