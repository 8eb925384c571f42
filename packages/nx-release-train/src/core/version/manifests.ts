/**
 * Cargo.toml edits: the `version` of each moving crate with a literal version, the root's
 * `[workspace.package] version`, and first-party requirements in every dependency table.
 */
import type { Workspace } from '../model';
import type { PlanContext } from './plan-context';
import { WORKSPACE_LINE, type Lines } from './lines';
import { findEntry, type TomlEntry, type TomlScan } from './toml-scan';
import { parseCargoRequirement, rewriteCargoRequirement, satisfiesCargo } from './requirements';

const DEP_TABLES = new Set(['dependencies', 'dev-dependencies', 'build-dependencies', 'dev_dependencies', 'build_dependencies']);

/**
 * How many leading path segments name a dependency table: 1 for `[dependencies]`, 3 for
 * `[target.'cfg(..)'.dependencies]`, 2 for `[workspace.dependencies]` and `[patch.<source>]`; -1 otherwise.
 */
export function depTableDepth(path: readonly string[]): number {
  if (DEP_TABLES.has(path[0])) return 1;
  // [patch.crates-io] and [patch.'https://…']: a first-party crate patched in with a version moves too.
  if (path[0] === 'patch' && path.length > 2) return 2;
  if (path[0] === 'target' && path.length > 2 && DEP_TABLES.has(path[2])) return 3;
  if (path[0] === 'workspace' && path[1] === 'dependencies') return 2;
  return -1;
}

/** One dependency as written: a bare requirement string, or fields (inline, dotted or table form). */
export interface DepEntry {
  key: string;
  /** The table's path, e.g. ['target', 'cfg(unix)', 'dependencies']. */
  table: string[];
  bare?: TomlEntry;
  fields: Map<string, TomlEntry>;
  /** Line of the first text of the entry. */
  line: number;
}

/** Every dependency entry of a manifest, in document order. */
export function dependencyEntries(scan: TomlScan): DepEntry[] {
  const deps = new Map<string, DepEntry>();
  // An entry's fields mostly follow it: the previous entry's dependency is tried before the map.
  let last: { path: string[]; depth: number; dep: DepEntry } | null = null;
  for (const e of scan.entries) {
    const depth = depTableDepth(e.path);
    if (depth < 0 || e.path.length <= depth) continue;
    let dep: DepEntry | undefined = last !== null && last.depth === depth && samePrefix(last.path, e.path, depth + 1) ? last.dep : undefined;
    if (!dep) {
      let id = e.path[0];
      for (let i = 1; i <= depth; i++) id += `\u0000${e.path[i]}`;
      dep = deps.get(id);
      if (!dep) {
        dep = { key: e.path[depth], table: e.path.slice(0, depth), fields: new Map(), line: e.line };
        deps.set(id, dep);
      }
      last = { path: e.path, depth, dep };
    }
    const rest = e.path.length - depth - 1;
    if (rest === 0 && e.kind === 'string') dep.bare = e;
    else if (rest === 1) dep.fields.set(e.path[depth + 1], e);
  }
  return [...deps.values()];
}

function samePrefix(a: readonly string[], b: readonly string[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function planManifests(ctx: PlanContext, ws: Workspace, lines: Lines): void {
  const manifests = new Set([ws.rootManifest, ...ws.members.map((c) => c.manifest)]);
  const literal = new Map(ws.members.filter((c) => c.versionFrom === 'literal').map((c) => [c.manifest, c.name]));
  const workspaceLine = lines.lines.find((l) => l.line === WORKSPACE_LINE);
  const byName = new Map(ws.members.map((c) => [c.name, c]));
  const staying = new Map(
    lines.staying.flatMap((l) =>
      l.crates
        .map((name) => byName.get(name)!)
        .filter((c) => c.publishable)
        .map((c) => [c.manifest, { name: c.name, version: c.version, line: l.line, reason: l.reason }] as const),
    ),
  );
  for (const file of manifests) {
    const bump = lines.moving.get(literal.get(file) ?? '');
    if (file !== ws.rootManifest && !bump && !mayRequireByPath(ctx.text(file))) continue;
    const scan = ctx.scan(file);
    if (!scan) continue;
    if (file === ws.rootManifest && workspaceLine) {
      const entry = findEntry(scan, ['workspace', 'package', 'version']);
      if (entry?.kind === 'string') ctx.replaceString(file, entry, workspaceLine.to);
      else ctx.problems.error(file, entry?.line, '[workspace.package] version is not a string', 'write version = "X.Y.Z" under [workspace.package]');
    }
    if (bump) packageVersion(ctx, file, scan, bump.name, bump.from, bump.to);
    // The package's own tables only: [workspace.dependencies] and [patch] of a root package are the workspace's.
    const rewritten = dependencyEntries(scan).filter((dep) => requirement(ctx, file, dep, lines) && dep.table[0] !== 'workspace' && dep.table[0] !== 'patch');
    const still = staying.get(file);
    // A publishable crate that stays while a requirement of its moves differs from what is
    // published under its version: said, since the next publish of it needs a new version.
    if (still && rewritten.length > 0)
      ctx.problems.warn(
        file,
        rewritten[0].line,
        `crate ${still.name} stays at ${still.version} (line ${still.line}: ${still.reason}), but its requirement on ${rewritten.map((d) => d.key).join(', ')} moves`,
        `to publish it with the new requirement, move its line too (versionLines.follow: ["${still.name}"])`,
      );
  }
}

/**
 * False when a manifest cannot hold a requirement this plan rewrites: one needs a `path` key,
 * so the text says `path`, or spells it with an escape in a quoted key. Such a manifest (most
 * of a workspace whose members inherit their version and dependencies) is not scanned; the
 * model has already refused it if it is not TOML. Undefined (not provided) is scanned, which
 * reports it.
 */
function mayRequireByPath(text: string | undefined): boolean {
  return text === undefined || text.includes('path') || text.includes('\\');
}

function packageVersion(ctx: PlanContext, file: string, scan: TomlScan, name: string, from: string, to: string): void {
  const entry = findEntry(scan, ['package', 'version']);
  if (entry?.kind === 'string' && entry.value === from) ctx.replaceString(file, entry, to);
  else ctx.problems.error(file, entry?.line, `crate ${name}: expected [package] version = "${from}"`, 'write the version as a plain string under [package]');
}

/** Plans one requirement; true when it is rewritten. */
function requirement(ctx: PlanContext, file: string, dep: DepEntry, lines: Lines): boolean {
  const pkg = dep.fields.get('package');
  const name = pkg?.kind === 'string' && pkg.value !== null ? pkg.value : dep.key;
  const target = lines.moving.get(name);
  // Without `path` the entry names a registry crate (maybe an older release of ours): not ours to move.
  if (!target || !dep.fields.has('path')) return false;
  const req = dep.bare ?? dep.fields.get('version');
  if (!req) return false;
  const where = `requirement on ${name}${name !== dep.key ? ` (key ${dep.key})` : ''} in [${dep.table.join('.')}]`;
  const text = req.kind === 'string' ? req.value : null;
  const result = text === null ? ({ kind: 'unparsed' } as const) : rewriteCargoRequirement(text, target.from, target.to);
  // requirementUpdates "unsatisfied": a requirement the new version still satisfies (a caret
  // "0.7.4" on a patch to 0.7.5) is kept as the project wrote it.
  if (result.kind === 'rewritten' && ctx.options.requirementUpdates === 'unsatisfied' && keeps(text ?? '', target.to)) return false;
  const shown = text === null ? 'not a string' : `"${text}"`;
  switch (result.kind) {
    case 'unparsed':
      ctx.problems.error(file, req.line, `${where} is ${shown}, which is not a Cargo version requirement`, `require "${target.from}" (or "=${target.from}")`);
      return false;
    case 'stale':
      ctx.problems.error(
        file,
        req.line,
        `${where} is ${shown}, which the current version ${target.from} of ${name} does not satisfy (a stale requirement)`,
        `require "${target.from}" (or "=${target.from}") so that the workspace builds against its own ${name}, then run the command again`,
      );
      return false;
    case 'cannot':
      ctx.problems.error(file, req.line, `${where} is ${shown}: ${result.reason}`, `require "${target.from}" (or "=${target.from}") before the bump`);
      return false;
    case 'unchanged':
      return false;
    case 'rewritten':
      checkPolicy(ctx, file, req.line, where, name, opOf(text ?? ''), target.from);
      ctx.replaceString(file, req, result.text);
      return true;
  }
}

function keeps(text: string, version: string): boolean {
  const comparators = parseCargoRequirement(text);
  return comparators !== null && satisfiesCargo(version, comparators);
}

function opOf(text: string): string {
  return parseCargoRequirement(text)?.[0]?.op ?? '';
}

/**
 * With requirementPolicy 'public-caret' (the wasmtime preset): public crates are required with
 * caret (semver-compatible users), the rest pinned with `=`. No policy without it.
 */
function checkPolicy(ctx: PlanContext, file: string, line: number, where: string, name: string, op: string, version: string): void {
  if (ctx.options.requirementPolicy !== 'public-caret') return;
  const isPublic = ctx.options.publicCrates.includes(name);
  if (isPublic === (op !== '=')) return;
  const message = isPublic
    ? `${where} pins "=${version}", but ${name} is listed in publicCrates (required with caret)`
    : `${where} uses caret "${op}${version}", but ${name} is not in publicCrates (first-party crates are pinned with "=")`;
  const fix = isPublic ? `require "${version}", or remove ${name} from publicCrates` : `require "=${version}", or add ${name} to publicCrates`;
  if (ctx.strictPolicy) ctx.problems.error(file, line, message, fix);
  else ctx.problems.warn(file, line, message, fix, 'requirement policy (requirementPolicy, publicCrates)');
}
