/**
 * Builds the workspace model from manifest texts alone (Cargo's rules, no cargo process).
 * Members: the `members` globs, plus every path dependency inside the workspace root
 * (implicit membership, followed transitively), minus `exclude`. Pure: the caller supplies
 * the list of manifest paths in the tree and a way to read them.
 */
import type { Crate, Diagnostic, Workspace } from './model';
import { parseManifest, type Manifest, type Table } from './manifest';
import { dirOf, globToRegExp, isGlob, isOutside, isWithin, joinPath, manifestOf } from './paths';
import { lineOf } from './toml-lines';
import { toCrate } from './workspace-crate';
import { depEntries, type TableDep } from './workspace-deps';

export interface TreeSource {
  /** Every `Cargo.toml` in the tree, relative POSIX paths. */
  manifests: string[];
  /** Text of a file, or null when it does not exist. */
  read(path: string): string | null;
  /**
   * For `manifests` listed without following symbolic links (Nx's list): the manifests the
   * root's `members` patterns reach through a link (cargo follows a linked member). Asked once,
   * with the root's directory and its patterns, before the patterns are matched.
   */
  linkedMembers?(rootDir: string, patterns: string[]): string[];
}

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
  const root = load(rootManifest);
  // The root manifest does not parse: no members (its diagnostic says why), and the root stays
  // the root, so a nested workspace (fuzz/) never stands in for it.
  if (!root) return { rootManifest, version: null, members: [], diagnostics };
  const rootDir = dirOf(rootManifest);
  const ws = (root.data.workspace ?? {}) as Table;
  const wsPackage = (ws.package ?? {}) as Table;
  const wsVersion = typeof wsPackage.version === 'string' ? wsPackage.version : null;
  const wsDeps = (ws.dependencies ?? {}) as Table;
  const known = new Set(source.manifests);
  for (const linked of source.linkedMembers?.(rootDir, stringList(ws.members)) ?? []) known.add(linked);
  const excludes = stringList(ws.exclude).map((e) => joinPath(rootDir, e));
  // Cargo's rule (Workspace::is_excluded): `exclude` does not reach inside a directory listed in
  // `members`, as written (a glob is taken literally), so an explicit member's path dependency
  // below it stays a member even when its directory is excluded.
  const explicit = stringList(ws.members).map((m) => joinPath(rootDir, m));
  const isExcluded = (dir: string) => !explicit.some((m) => isWithin(dir, m)) && excludes.some((ex) => isWithin(dir, ex));

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

  // A member's entries are read twice (membership, then edges): computed once.
  const entriesByDir = new Map<string, TableDep[]>();
  const entriesOf = (manifest: Manifest, dir: string): TableDep[] => {
    let entries = entriesByDir.get(dir);
    if (!entries) entriesByDir.set(dir, (entries = depEntries(manifest, wsDeps, rootDir, dir)));
    return entries;
  };

  // Implicit members: path dependencies inside the workspace root, followed transitively.
  for (let i = 0; i < memberDirs.length; i++) {
    const dir = memberDirs[i];
    const manifest = load(manifestOf(dir));
    if (!manifest) continue;
    for (const entry of entriesOf(manifest, dir)) {
      if (isOutside(entry.pathDir) || !isWithin(entry.pathDir, rootDir)) continue;
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
    for (const entry of entriesOf(manifest, crate.dir)) {
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

/** The root-most manifest that declares `[workspace]` (even when it does not parse). */
function findRoot(source: TreeSource, load: (p: string) => Manifest | null): string | null {
  const isRoot = (path: string) => {
    const text = source.read(path);
    if (text === null || !/^\s*\[workspace[\].]/m.test(text)) return false;
    const manifest = load(path);
    return manifest === null || Boolean(manifest.data.workspace);
  };
  // The top manifest is first in the order below (the only one at depth 1): most trees stop there.
  if (source.manifests.includes('Cargo.toml') && isRoot('Cargo.toml')) return 'Cargo.toml';
  // Depths counted once, and one collator (as localeCompare's): the sort ran per comparison.
  const depth = new Map(source.manifests.map((p) => [p, p.split('/').length]));
  const collate = new Intl.Collator().compare;
  const byDepth = [...source.manifests].sort((a, b) => depth.get(a)! - depth.get(b)! || collate(a, b));
  return byDepth.find(isRoot) ?? null;
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
