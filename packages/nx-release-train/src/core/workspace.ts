/**
 * Builds the workspace model from manifest texts alone (Cargo's rules, no cargo process).
 * Members: the `members` globs, plus every path dependency inside the workspace root
 * (implicit membership, followed transitively), minus `exclude`. Pure: the caller supplies
 * the list of manifest paths in the tree and a way to read them.
 */
import { compatLine } from './release-line';
import type { Crate, Diagnostic, MemberDep, Workspace } from './model';
import { parseManifest, type Manifest, type Table } from './manifest';
import { dirOf, globToRegExp, isGlob, isOutside, isWithin, joinPath, manifestOf } from './paths';
import { lineOf } from './toml-lines';

export interface TreeSource {
  /** Every `Cargo.toml` in the tree, relative POSIX paths. */
  manifests: string[];
  /** Text of a file, or null when it does not exist. */
  read(path: string): string | null;
}

const DEP_TABLES: Array<[string, MemberDep['kind']]> = [
  ['dependencies', 'normal'],
  ['dev-dependencies', 'dev'],
  ['dev_dependencies', 'dev'],
  ['build-dependencies', 'build'],
  ['build_dependencies', 'build'],
];

export function buildWorkspace(source: TreeSource): Workspace {
  const diagnostics: Diagnostic[] = [];
  const parsed = new Map<string, Manifest | null>();
  const load = (path: string): Manifest | null => {
    if (!parsed.has(path)) {
      const text = source.read(path);
      const result = text === null ? null : parseManifest(path, text);
      if (result && 'diagnostic' in result) {
        diagnostics.push(result.diagnostic);
        parsed.set(path, null);
      } else parsed.set(path, result);
    }
    return parsed.get(path) ?? null;
  };

  const rootManifest = findRoot(source, load);
  if (!rootManifest) {
    return { rootManifest: 'Cargo.toml', version: null, members: [], diagnostics: rootDiagnostics(source, diagnostics) };
  }
  const root = load(rootManifest)!;
  const rootDir = dirOf(rootManifest);
  const ws = (root.data.workspace ?? {}) as Table;
  const wsPackage = (ws.package ?? {}) as Table;
  const wsVersion = typeof wsPackage.version === 'string' ? wsPackage.version : null;
  const wsDeps = (ws.dependencies ?? {}) as Table;
  const known = new Set(source.manifests);
  const excludes = stringList(ws.exclude).map((e) => joinPath(rootDir, e));
  const explicit = new Set<string>();
  const isExcluded = (dir: string) => !explicit.has(dir) && excludes.some((ex) => isWithin(dir, ex));

  const memberDirs: string[] = [];
  const seen = new Set<string>();
  const addMember = (dir: string) => {
    if (!seen.has(dir)) {
      seen.add(dir);
      memberDirs.push(dir);
    }
  };
  if (root.data.package) addMember(rootDir);
  for (const pattern of stringList(ws.members)) {
    const matched = expandMember(pattern, rootDir, known);
    if (!isGlob(pattern)) explicit.add(joinPath(rootDir, pattern));
    if (matched.length === 0) {
      diagnostics.push({
        level: isGlob(pattern) ? 'warning' : 'error',
        file: rootManifest,
        line: lineOf(root.lines, ['workspace', 'members']),
        message: isGlob(pattern)
          ? `workspace member glob "${pattern}" matches no directory with a Cargo.toml`
          : `workspace member "${pattern}" has no Cargo.toml`,
        fix: `remove "${pattern}" from [workspace] members, or add the crate's Cargo.toml`,
      });
    }
    for (const dir of matched) if (!isExcluded(dir)) addMember(dir);
  }

  // Implicit members: path dependencies inside the workspace root, followed transitively.
  for (let i = 0; i < memberDirs.length; i++) {
    const dir = memberDirs[i];
    const manifest = load(manifestOf(dir));
    if (!manifest) continue;
    for (const entry of depEntries(manifest, wsDeps, rootDir, dir)) {
      if (entry.pathDir === null || isOutside(entry.pathDir) || !isWithin(entry.pathDir, rootDir)) continue;
      if (!known.has(manifestOf(entry.pathDir)) && source.read(manifestOf(entry.pathDir)) === null) {
        diagnostics.push({
          level: 'error',
          file: manifestOf(dir),
          line: entry.line,
          message: `path dependency "${entry.key}" points at ${entry.pathDir}, which has no Cargo.toml`,
          fix: `fix the \`path\` of "${entry.key}" or add ${manifestOf(entry.pathDir)}`,
        });
        continue;
      }
      if (!isExcluded(entry.pathDir)) addMember(entry.pathDir);
    }
  }

  const crates: Crate[] = [];
  const byDir = new Map<string, Crate>();
  const byName = new Map<string, Crate>();
  for (const dir of memberDirs) {
    const file = manifestOf(dir);
    const manifest = load(file);
    if (!manifest) {
      if (source.read(file) === null) {
        diagnostics.push({ level: 'error', file, message: `workspace member ${dir} has no Cargo.toml`, fix: `add ${file} or remove the member` });
      }
      continue;
    }
    const crate = toCrate(manifest, file, dir, wsVersion, wsPackage, diagnostics);
    if (!crate) continue;
    const clash = byName.get(crate.name);
    if (clash) {
      diagnostics.push({
        level: 'error',
        file,
        line: lineOf(manifest.lines, ['package', 'name']),
        message: `crate name "${crate.name}" is used by two members: ${clash.manifest} and ${file}; the second is left out of the graph`,
        fix: `rename one of the two packages (package.name in ${file})`,
      });
      continue;
    }
    byName.set(crate.name, crate);
    byDir.set(dir, crate);
    crates.push(crate);
  }

  for (const crate of crates) {
    const manifest = load(crate.manifest)!;
    for (const entry of depEntries(manifest, wsDeps, rootDir, crate.dir)) {
      if (entry.pathDir === null) continue;
      const target = byDir.get(entry.pathDir);
      if (!target) continue;
      crate.deps.push({
        key: entry.key,
        crate: target.name,
        kind: entry.kind,
        target: entry.target,
        req: entry.req,
        optional: entry.optional,
        inherited: entry.inherited,
        file: crate.manifest,
        line: entry.line,
      });
    }
  }

  return { rootManifest, version: wsVersion, members: crates, diagnostics };
}

function rootDiagnostics(source: TreeSource, diagnostics: Diagnostic[]): Diagnostic[] {
  if (source.manifests.length > 0 && diagnostics.length === 0) {
    diagnostics.push({
      level: 'error',
      file: 'Cargo.toml',
      message: 'no Cargo.toml with a [workspace] table was found',
      fix: 'add a [workspace] table to the root Cargo.toml',
    });
  }
  return diagnostics;
}

/** The root-most manifest that declares `[workspace]`. */
function findRoot(source: TreeSource, load: (p: string) => Manifest | null): string | null {
  const byDepth = [...source.manifests].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const path of byDepth) {
    const text = source.read(path);
    if (text === null || !/^\s*\[workspace[\].]/m.test(text)) continue;
    const manifest = load(path);
    if (manifest?.data.workspace) return path;
  }
  return null;
}

function expandMember(pattern: string, rootDir: string, known: Set<string>): string[] {
  const full = joinPath(rootDir, pattern);
  if (!isGlob(pattern)) return known.has(manifestOf(full)) ? [full] : [];
  const re = globToRegExp(full);
  const dirs: string[] = [];
  for (const m of known) {
    const dir = dirOf(m);
    // A glob lists directories below the root (Cargo's `members = ["*"]`), never the root itself.
    if (dir !== rootDir && re.test(dir)) dirs.push(dir);
  }
  return dirs.sort();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function toCrate(
  manifest: Manifest,
  file: string,
  dir: string,
  wsVersion: string | null,
  wsPackage: Table,
  diagnostics: Diagnostic[],
): Crate | null {
  const pkg = manifest.data.package as Table | undefined;
  if (!pkg || typeof pkg.name !== 'string') {
    diagnostics.push({
      level: 'error',
      file,
      line: lineOf(manifest.lines, ['package']),
      message: `${file} is a workspace member but has no [package] name`,
      fix: 'add `name = "..."` under [package], or remove the directory from the workspace members',
    });
    return null;
  }
  let version = '0.0.0';
  let versionFrom: Crate['versionFrom'] = 'none';
  if (pkg.version !== undefined && typeof pkg.version !== 'string' && !isInherited(pkg.version)) {
    // cargo rejects this (e.g. `version.workspace = false`); taking it as 0.0.0 would publish a wrong version.
    diagnostics.push({
      level: 'error',
      file,
      line: lineOf(manifest.lines, ['package', 'version']),
      message: `${pkg.name}: [package] version is ${JSON.stringify(pkg.version)}, neither a version string nor \`version.workspace = true\` (cargo rejects it)`,
      fix: 'write `version = "X.Y.Z"`, or `version.workspace = true` to inherit [workspace.package] version',
    });
    return null;
  }
  if (typeof pkg.version === 'string') {
    version = pkg.version;
    versionFrom = 'literal';
  } else if (isInherited(pkg.version)) {
    versionFrom = 'workspace';
    if (wsVersion) version = wsVersion;
    else {
      diagnostics.push({
        level: 'error',
        file,
        line: lineOf(manifest.lines, ['package', 'version']),
        message: `${pkg.name} inherits version.workspace but [workspace.package] has no version`,
        fix: 'set `version` under [workspace.package] in the root Cargo.toml',
      });
    }
  }
  const publishValue = isInherited(pkg.publish) ? wsPackage.publish : pkg.publish;
  const publishable = !(publishValue === false || (Array.isArray(publishValue) && publishValue.length === 0));
  let line: string | null = null;
  if (versionFrom === 'workspace') line = 'workspace';
  // A literal version's line is its compatibility line (`46`, `0.19`), as Cargo unifies them.
  else if (versionFrom === 'literal' && publishable) line = compatLine(version) ?? version;
  return { name: pkg.name, dir, manifest: file, version, versionFrom, publishable, line, deps: [] };
}

function isInherited(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Table).workspace === true;
}

interface TableDep {
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
function depEntries(manifest: Manifest, wsDeps: Table, rootDir: string, dir: string): TableDep[] {
  const out: TableDep[] = [];
  const visit = (tables: Table, target: string | null, prefix: string[]) => {
    for (const [tableName, kind] of DEP_TABLES) {
      const table = tables[tableName] as Table | undefined;
      if (!table || typeof table !== 'object') continue;
      for (const [key, raw] of Object.entries(table)) {
        const line = lineOf(manifest.lines, [...prefix, tableName, key]) ?? 0;
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
