/**
 * A manifest's dependency entries (every dependency table, per target too), with
 * `workspace = true` resolved against [workspace.dependencies] (see workspace.ts).
 */
import type { MemberDep } from './model';
import type { Manifest, Table } from './manifest';
import { joinPath } from './paths';
import { keyOf, lineBelow } from './toml-lines';

const DEP_TABLES: Array<[string, MemberDep['kind']]> = [
  ['dependencies', 'normal'],
  ['dev-dependencies', 'dev'],
  ['dev_dependencies', 'dev'],
  ['build-dependencies', 'build'],
  ['build_dependencies', 'build'],
];

export interface TableDep {
  key: string;
  kind: MemberDep['kind'];
  target: string | null;
  req: string | null;
  optional: boolean;
  inherited: boolean;
  /** Directory of the path dependency (tree-relative), or null for registry dependencies. */
  pathDir: string | null;
  line: number;
}

/** Every dependency entry of a manifest, `workspace = true` resolved. */
export function depEntries(manifest: Manifest, wsDeps: Table, rootDir: string, dir: string): TableDep[] {
  const out: TableDep[] = [];
  const visit = (tables: Table, target: string | null, prefix: string[]) => {
    for (const [tableName, kind] of DEP_TABLES) {
      const table = tables[tableName] as Table | undefined;
      if (!table || typeof table !== 'object') continue;
      const tableKey = keyOf([...prefix, tableName]);
      for (const [key, raw] of Object.entries(table)) {
        const line = lineBelow(manifest.lines, tableKey, key) ?? 0;
        out.push(resolveEntry(key, raw, kind, target, wsDeps, rootDir, dir, line));
      }
    }
  };
  visit(manifest.data, null, []);
  const targets = manifest.data.target as Table | undefined;
  if (targets && typeof targets === 'object') {
    for (const [cfg, tables] of Object.entries(targets)) {
      if (tables && typeof tables === 'object') visit(tables as Table, cfg, ['target', cfg]);
    }
  }
  return out;
}

function resolveEntry(
  key: string,
  raw: unknown,
  kind: MemberDep['kind'],
  target: string | null,
  wsDeps: Table,
  rootDir: string,
  dir: string,
  line: number,
): TableDep {
  const entry: TableDep = { key, kind, target, req: null, optional: false, inherited: false, pathDir: null, line };
  if (typeof raw === 'string') {
    entry.req = raw;
    return entry;
  }
  if (!raw || typeof raw !== 'object') return entry;
  const own = raw as Table;
  entry.optional = own.optional === true;
  let spec = own;
  let base = dir;
  if (own.workspace === true) {
    entry.inherited = true;
    const inherited = wsDeps[key];
    spec = typeof inherited === 'string' ? { version: inherited } : ((inherited ?? {}) as Table);
    base = rootDir;
  }
  if (typeof spec.version === 'string') entry.req = spec.version;
  if (typeof spec.path === 'string') entry.pathDir = joinPath(base, spec.path);
  return entry;
}
