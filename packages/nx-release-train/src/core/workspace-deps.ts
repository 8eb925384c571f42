/**
 * A manifest's path dependency entries (every dependency table, per target too), with
 * `workspace = true` resolved against [workspace.dependencies] (see workspace.ts). A
 * dependency without a path never names a member: it is left out (most of them, in the graph's
 * cold path).
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
  /** Directory of the path dependency (tree-relative). */
  pathDir: string;
  line: number;
}

/** Every path dependency entry of a manifest, `workspace = true` resolved. */
export function depEntries(manifest: Manifest, wsDeps: Table, rootDir: string, dir: string): TableDep[] {
  const out: TableDep[] = [];
  const visit = (tables: Table, target: string | null, prefix: string[]) => {
    for (const [tableName, kind] of DEP_TABLES) {
      const table = tables[tableName] as Table | undefined;
      if (!table || typeof table !== 'object') continue;
      const tableKey = keyOf([...prefix, tableName]);
      for (const key in table) {
        const entry = pathEntry(key, table[key], kind, target, wsDeps, rootDir, dir);
        if (entry) {
          entry.line = lineBelow(manifest.lines, tableKey, key) ?? 0;
          out.push(entry);
        }
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

/** The entry when it has a `path` (its own, or its [workspace.dependencies] entry's), else null. */
function pathEntry(key: string, raw: unknown, kind: MemberDep['kind'], target: string | null, wsDeps: Table, rootDir: string, dir: string): TableDep | null {
  if (!raw || typeof raw !== 'object') return null; // a version string
  const own = raw as Table;
  const inherited = own.workspace === true;
  const fromWorkspace = inherited ? wsDeps[key] : undefined;
  const spec = !inherited ? own : typeof fromWorkspace === 'string' ? { version: fromWorkspace } : ((fromWorkspace ?? {}) as Table);
  if (typeof spec.path !== 'string') return null;
  return {
    key,
    kind,
    target,
    req: typeof spec.version === 'string' ? spec.version : null,
    optional: own.optional === true,
    inherited,
    pathDir: joinPath(inherited ? rootDir : dir, spec.path),
    line: 0,
  };
}
