/**
 * The JSON metadata of a crates.io publish (`PUT /api/v1/crates/new`), exactly as cargo sends
 * it: cargo's `prepare_transmit` (src/cargo/ops/registry/publish.rs) serialized as the
 * `crates-io` crate's `NewCrate` / `NewCrateDependency` (field order, `null`s, omitted
 * optional fields, compact JSON). Pure.
 *
 * The source is the normalized Cargo.toml inside the `.crate` (what cargo wrote when it
 * packaged the crate), not `cargo metadata`: cargo builds the upload from that same normalized
 * manifest (`prepare_for_publish`), so it already has workspace inheritance resolved, `path`
 * removed, dev-dependencies without a version dropped and the readme/license paths as
 * packaged, and its tables are written in the order cargo walks them. `cargo metadata` shows
 * the unpublished manifest (path dependencies, dev-dependencies cargo drops) and would need
 * cargo's rewriting redone. Only two strings need cargo's printing (core/publishing/cargo-syntax.ts).
 */
import { CargoSyntaxError, platformDisplay, versionReqDisplay } from './cargo-syntax';

/** Where cargo says a dependency comes from when it names none: crates.io (its index as a SourceId). */
export const CRATES_IO_INDEX = 'https://github.com/rust-lang/crates.io-index';

type Table = Record<string, unknown>;

export interface NewCrateInput {
  /** The packaged Cargo.toml, parsed. */
  manifest: Table;
  /** The readme's text (cargo sends the file's content), when the manifest names one. */
  readme: string | null;
  /** The index URL of the registry published to; null for crates.io. */
  registryIndex: string | null;
}

const KINDS = [
  ['dependencies', 'normal'],
  ['dev-dependencies', 'dev'],
  ['build-dependencies', 'build'],
] as const;
// Cargo walks a target's tables in another order than the top level's (toml/mod.rs, to_real_manifest).
const TARGET_KINDS = [KINDS[0], KINDS[2], KINDS[1]] as const;

const table = (v: unknown): Table => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const sameIndex = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
const sorted = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(o)
      .sort(compareKeys)
      .map((k) => [k, o[k]]),
  );

/** serde's BTreeMap order: by the keys' UTF-8 bytes, which is code point order (not JavaScript's UTF-16 order). */
function compareKeys(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

function dependency(key: string, spec: unknown, kind: string, target: string | null, input: NewCrateInput, where: string) {
  const d: Table = typeof spec === 'string' ? { version: spec } : table(spec);
  if ('artifact' in d || 'lib' in d) throw new CargoSyntaxError(`${where}.${key}: artifact dependencies (unstable -Z bindeps) are not uploaded by this plugin`);
  const version = str(d.version);
  if (version === null) throw new CargoSyntaxError(`${where}.${key}: no version in the packaged manifest`);
  const index = str(d['registry-index']);
  // In the API, no `registry` means "the registry published to"; in Cargo.toml, no registry means crates.io.
  const from = index ?? CRATES_IO_INDEX;
  const here = input.registryIndex ?? CRATES_IO_INDEX;
  const renamed = str(d.package);
  return {
    optional: d.optional === true,
    default_features: d['default-features'] !== false,
    name: renamed ?? key,
    features: strings(d.features),
    version_req: versionReqDisplay(version),
    target,
    kind,
    ...(sameIndex(from, here) ? {} : { registry: from }),
    ...(renamed !== null ? { explicit_name_in_toml: key } : {}),
  };
}

function dependencies(input: NewCrateInput) {
  const out: unknown[] = [];
  for (const [section, kind] of KINDS) {
    for (const [key, spec] of Object.entries(table(input.manifest[section]))) out.push(dependency(key, spec, kind, null, input, section));
  }
  for (const [target, platform] of Object.entries(table(input.manifest.target))) {
    const shown = platformDisplay(target);
    for (const [section, kind] of TARGET_KINDS) {
      const deps = table(table(platform)[section]);
      for (const [key, spec] of Object.entries(deps)) out.push(dependency(key, spec, kind, shown, input, `target.'${target}'.${section}`));
    }
  }
  return out;
}

/** The metadata JSON cargo would send for this packaged manifest. */
export function newCrateJson(input: NewCrateInput): string {
  const pkg = table(input.manifest.package);
  const features = sorted(Object.fromEntries(Object.entries(table(input.manifest.features)).map(([k, v]) => [k, strings(v)])));
  const badges = sorted(
    Object.fromEntries(
      Object.entries(table(input.manifest.badges)).map(([k, v]) => [k, sorted(Object.fromEntries(Object.entries(table(v)).map(([a, b]) => [a, String(b)])))]),
    ),
  );
  const readmeFile = str(pkg.readme);
  return JSON.stringify({
    name: str(pkg.name),
    vers: str(pkg.version),
    deps: dependencies(input),
    features,
    authors: strings(pkg.authors),
    description: str(pkg.description),
    documentation: str(pkg.documentation),
    homepage: str(pkg.homepage),
    readme: readmeFile === null ? null : input.readme,
    readme_file: readmeFile,
    keywords: strings(pkg.keywords),
    categories: strings(pkg.categories),
    license: str(pkg.license),
    license_file: str(pkg['license-file']),
    repository: str(pkg.repository),
    badges,
    links: str(pkg.links),
    rust_version: str(pkg['rust-version']),
  });
}
