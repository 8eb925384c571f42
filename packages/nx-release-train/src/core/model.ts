/**
 * The Cargo workspace as plain data. Built from manifests alone (no cargo process), so it
 * also works on trees that hold manifests but no sources. Paths are POSIX, relative to the
 * tree root (the Nx workspace root); the root directory is ".".
 */

export type DepKind = 'normal' | 'dev' | 'build';

/** One entry of a dependency table that points at a workspace member. */
export interface MemberDep {
  /** The key in the table (may be an alias when `package = '...'` renames). */
  key: string;
  /** The crate depended on (the `package` value, else the key). */
  crate: string;
  kind: DepKind;
  /** `cfg(...)` or triple of a `[target.'...'.dependencies]` table, else null. */
  target: string | null;
  /** The version requirement as written (resolved through `[workspace.dependencies]`), or null. */
  req: string | null;
  optional: boolean;
  /** True when the entry says `workspace = true`. */
  inherited: boolean;
  /** Manifest holding the entry (relative path) and its 1-based line. */
  file: string;
  line: number;
}

export interface Crate {
  name: string;
  /** Directory relative to the workspace root ('.' for the root package). */
  dir: string;
  /** Manifest path relative to the workspace root. */
  manifest: string;
  version: string;
  /** Where the version comes from: `version.workspace = true`, a literal, or absent (0.0.0). */
  versionFrom: 'workspace' | 'literal' | 'none';
  /** False when `publish = false` or `publish = []`. */
  publishable: boolean;
  /**
   * The version line this crate moves with, or null when it never moves (a private crate
   * with a literal version). 'workspace' for crates inheriting `[workspace.package] version`;
   * otherwise the version's compatibility line: 'N' for N.y.z, '0.M' for 0.M.z (see
   * core/release-line.ts). The `versionLines` settings can regroup crates when planning.
   */
  line: string | null;
  /** Dependencies on other workspace members, in manifest order. */
  deps: MemberDep[];
}

export interface Diagnostic {
  level: 'error' | 'warning';
  file: string;
  line?: number;
  message: string;
  fix: string;
  /**
   * Warnings of one kind (a policy breached in many manifests) may be summarized as a count;
   * a warning without a kind is always shown in full.
   */
  kind?: string;
}

export interface Workspace {
  /** Manifest of the workspace root, relative ('Cargo.toml'). */
  rootManifest: string;
  /** `[workspace.package] version`, if any. */
  version: string | null;
  members: Crate[];
  /** Problems found; the model still holds everything that could be read. */
  diagnostics: Diagnostic[];
}
