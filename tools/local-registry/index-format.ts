/**
 * The registry's data formats, as Cargo and crates.io define them (pure functions):
 * sparse-index paths, the publish metadata cargo uploads, and the index line stored for it.
 * https://doc.rust-lang.org/cargo/reference/registry-index.html
 * https://doc.rust-lang.org/cargo/reference/registry-web-api.html#publish
 */

/** One dependency as `cargo publish` uploads it. */
export interface PublishDep {
  name: string;
  version_req: string;
  features?: string[];
  optional?: boolean;
  default_features?: boolean;
  target?: string | null;
  kind?: 'normal' | 'dev' | 'build' | null;
  /** Index URL of the dependency's registry; null means the registry being published to. */
  registry?: string | null;
  /** Set when the manifest renames the dependency (`key = { package = name }`): the key. */
  explicit_name_in_toml?: string | null;
}

/** The JSON part of a `PUT /api/v1/crates/new` body (fields this registry reads). */
export interface PublishMetadata {
  name: string;
  vers: string;
  deps: PublishDep[];
  features?: Record<string, string[]>;
  links?: string | null;
  rust_version?: string | null;
  [other: string]: unknown;
}

/** One dependency in an index line. */
export interface IndexDep {
  /** The name used in the dependent's code (the manifest key when renamed). */
  name: string;
  req: string;
  features: string[];
  optional: boolean;
  default_features: boolean;
  target: string | null;
  kind: 'normal' | 'dev' | 'build';
  registry?: string;
  /** The real crate name, present only when renamed. */
  package?: string;
}

/** One line of a crate's index file: one published version. */
export interface IndexLine {
  name: string;
  vers: string;
  deps: IndexDep[];
  cksum: string;
  features: Record<string, string[]>;
  features2?: Record<string, string[]>;
  yanked: boolean;
  links?: string;
  rust_version?: string;
  v?: number;
}

/** Index path of a crate, relative to the index root: 1/a, 2/ab, 3/a/abc, ab/cd/abcd. */
export function indexPath(name: string): string {
  const n = name.toLowerCase();
  if (n.length === 1) return `1/${n}`;
  if (n.length === 2) return `2/${n}`;
  if (n.length === 3) return `3/${n[0]}/${n}`;
  return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}

/** crates.io treats names differing only in case or `-`/`_` as the same crate. */
export function canonicalName(name: string): string {
  return name.toLowerCase().replaceAll('-', '_');
}

const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** crates.io's rules for a crate name; returns a message, or null when valid. */
export function checkCrateName(name: string): string | null {
  if (!NAME_RE.test(name)) {
    return `invalid crate name \`${name}\`: names start with a letter and hold at most 64 letters, digits, \`-\` or \`_\``;
  }
  return null;
}

/**
 * Features that use `dep:` or `?/` syntax go to `features2` (index format v2), so that
 * older cargo versions, which cannot read them, skip just those entries (as crates.io does).
 */
export function splitFeatures(features: Record<string, string[]>): {
  features: Record<string, string[]>;
  features2?: Record<string, string[]>;
} {
  const plain: Record<string, string[]> = {};
  const v2: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(features)) {
    const isV2 = values.some((v) => v.startsWith('dep:') || v.includes('?/'));
    (isV2 ? v2 : plain)[key] = values;
  }
  return Object.keys(v2).length ? { features: plain, features2: v2 } : { features: plain };
}

/**
 * The index dependency for an uploaded one. Cargo uploads the real crate name in `name`
 * and the manifest key in `explicit_name_in_toml`; the index stores the key in `name` and
 * the real crate in `package`. `registry` URLs listed in `sameRegistry` (the registries this
 * one stands in for, e.g. crates.io under `[source.crates-io] replace-with`) become "this
 * registry", which is what crates.io itself stores for its own dependencies.
 */
export function toIndexDep(dep: PublishDep, sameRegistry: readonly string[]): IndexDep {
  const renamed = dep.explicit_name_in_toml != null && dep.explicit_name_in_toml !== '';
  const out: IndexDep = {
    name: renamed ? (dep.explicit_name_in_toml as string) : dep.name,
    req: dep.version_req,
    features: dep.features ?? [],
    optional: dep.optional ?? false,
    default_features: dep.default_features ?? true,
    target: dep.target ?? null,
    kind: dep.kind ?? 'normal',
  };
  if (dep.registry != null && !sameRegistry.includes(stripSlash(dep.registry))) {
    out.registry = dep.registry;
  }
  if (renamed) out.package = dep.name;
  return out;
}

/** The crate a dependency names, whatever the manifest key. */
export function depCrate(dep: IndexDep): string {
  return dep.package ?? dep.name;
}

export function toIndexLine(meta: PublishMetadata, cksum: string, sameRegistry: readonly string[]): IndexLine {
  const deps = meta.deps.map((d) => toIndexDep(d, sameRegistry)).sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  const line: IndexLine = {
    name: meta.name,
    vers: meta.vers,
    deps,
    cksum,
    ...splitFeatures(meta.features ?? {}),
    yanked: false,
  };
  if (meta.links) line.links = meta.links;
  if (meta.rust_version) line.rust_version = meta.rust_version;
  if (line.features2) line.v = 2;
  return line;
}

export function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The index URL cargo uses for crates.io dependencies. */
export const CRATES_IO_INDEX = 'https://github.com/rust-lang/crates.io-index';
