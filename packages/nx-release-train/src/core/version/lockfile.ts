/**
 * Cargo.lock: workspace members are the `[[package]]` entries without `source`; each moving
 * member's `version` is rewritten in place, so no cargo run (and no network) is needed. A
 * dependency reference that carries a version (`"wasmparser 0.256.0",`: Cargo writes one when
 * two versions of a crate are in the lock) moves with its package, so the lock agrees with
 * itself; a reference with a source (`"x 1.0.0 (registry+…)"`) names another package and stays.
 */
import type { PlanContext } from './plan-context';
import type { Lines } from './lines';
import type { TomlEntry } from './toml-scan';

export function planLockfile(ctx: PlanContext, file: string, lines: Lines): void {
  if (ctx.text(file) === undefined) return; // libraries often commit no lock file
  const scan = ctx.scan(file);
  if (!scan) return;
  // Entries of one [[package]] are contiguous: one pass groups them by header index and
  // collects the `dependencies` arrays.
  const packages: Array<{ name?: TomlEntry; version?: TomlEntry; source: boolean }> = [];
  const arrays: TomlEntry[] = [];
  let current = -2;
  for (const e of scan.entries) {
    if (e.header < 0 || e.path.length !== 2) continue;
    if (e.kind === 'array' && e.path[1] === 'dependencies') arrays.push(e);
    const h = scan.headers[e.header];
    if (!h.array || h.path.length !== 1 || h.path[0] !== 'package') continue;
    if (e.header !== current) {
      packages.push({ source: false });
      current = e.header;
    }
    const fields = packages[packages.length - 1];
    if (e.path[1] === 'name') fields.name = e;
    else if (e.path[1] === 'version') fields.version = e;
    else if (e.path[1] === 'source') fields.source = true;
  }
  const seen = new Set<string>();
  for (const { name: nameEntry, version, source } of packages) {
    const name = nameEntry?.value;
    if (!name || !version || source) continue;
    const bump = lines.moving.get(name);
    if (!bump) continue;
    seen.add(name);
    if (version.value === bump.from) ctx.replaceString(file, version, bump.to);
    else
      ctx.problems.error(
        file,
        version.line,
        `${name} is locked at ${version.value} but its manifest says ${bump.from}: the lock file is stale`,
        'refresh it with `cargo update --workspace` (or any cargo build) and commit it',
      );
  }
  references(ctx, file, arrays, lines);
  for (const c of lines.crates)
    if (!seen.has(c.name))
      ctx.problems.warn(file, undefined, `${c.name} has no entry in ${file}`, 'refresh it with `cargo update --workspace` and commit it', 'Cargo.lock entry');
}

/**
 * `"name version"` strings in the `dependencies = [...]` arrays (in document order) whose
 * package moves. One search over the text: searching each array from its start ran on to the
 * next match, most often arrays later.
 */
function references(ctx: PlanContext, file: string, arrays: TomlEntry[], lines: Lines): void {
  const text = ctx.text(file) ?? '';
  const REF = /"([^"\s]+) ([^"\s]+)"/g;
  let a = 0;
  for (let m = REF.exec(text); m !== null && a < arrays.length; m = REF.exec(text)) {
    while (a < arrays.length && arrays[a].end <= m.index) a++;
    if (a === arrays.length || m.index < arrays[a].start) continue;
    const bump = lines.moving.get(m[1]);
    if (!bump || m[2] !== bump.from) continue;
    const start = m.index + 1 + m[1].length + 1;
    ctx.splice(file, { start, end: start + m[2].length, text: bump.to }, arrays[a].line);
  }
}
