/**
 * The artifacts plan: which cargo builds run and what goes into each archive, from the
 * `artifacts` options and `cargo metadata`. Pure data; the executor builds, stages and uploads.
 * Every problem is reported at once, before anything is built.
 */
import type { Diagnostic } from '../model';
import type { ArtifactsOptions } from '../settings/options';
import { isOutside, joinPath } from '../paths';
import { archiveFileName, archiveFormat, fillArtifactPattern, isSafeFileName, type ArchiveFormat } from './naming';
import { hasMinimal, MINIMAL_TARGET_SUBDIR, minimalArgs, minimalEnv, minimalSources } from './minimal';
import { outputFiles, platformName, type OutputKind } from './platform';

/** What the plan needs of `cargo metadata --no-deps` per workspace member. */
export interface CargoPackage {
  name: string;
  version: string;
  /** Manifest path relative to the workspace root. */
  manifest: string;
  targets: Array<{ name: string; kind: string[]; crateTypes: string[] }>;
}

export interface BuildStep {
  triple: string;
  crate: string;
  /** `cargo` arguments (an array: never a shell string). */
  args: string[];
  /** The minimal twin's environment over `artifacts.buildEnv` (absent for the full build). */
  env?: Record<string, string>;
}

/** One source of an archive; `to` is a directory inside the archive's top directory. */
export type PlannedSource =
  /** A workspace file, or a directory whose contents are copied. Relative to the root. */
  | { kind: 'path'; path: string; to: string }
  /** A cargo output, relative to the cargo target directory; `as` renames it in the archive. */
  | { kind: 'output'; path: string; to: string; as?: string };

export interface PlannedArchive {
  /** Base name, also the top directory inside the archive. */
  name: string;
  /** `<name>.tar.xz`, or `<name>.zip` for Windows targets (archiveFormat). */
  file: string;
  format: ArchiveFormat;
  triple: string;
  platform: string;
  sources: PlannedSource[];
}

export interface ArtifactsPlan {
  version: string;
  tag: string;
  builds: BuildStep[];
  archives: PlannedArchive[];
  diagnostics: Diagnostic[];
}

export interface ArtifactsPlanInput {
  options: ArtifactsOptions;
  version: string;
  tag: string;
  /** Rust targets to build, host first. */
  triples: string[];
  packages: CargoPackage[];
  /** Cargo's target directory, under which the minimal builds get their own (default `target`). */
  targetDir?: string;
}

const SETTINGS_FILE = 'nx.json';
const OUTPUT_KINDS: OutputKind[] = ['bin', 'staticlib', 'cdylib'];

type ResolvedEntry = { kind: 'path'; path: string; to: string } | { kind: 'output'; output: OutputKind; name: string; to: string };

export function planArtifacts(input: ArtifactsPlanInput): ArtifactsPlan {
  const { options, version, tag, triples, packages } = input;
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, fix: string, file = SETTINGS_FILE) => diagnostics.push({ level: 'error', file, message, fix });

  // Per crate: the bins and lib kinds the archives need, so each crate is built once per target.
  const wanted = new Map<string, { bins: Set<string>; lib: boolean }>();
  // Per archive: its entries resolved against the workspace, not yet against a target.
  const resolved: ResolvedEntry[][] = options.archives.map((archive, a) =>
    archive.entries.flatMap((entry, e): ResolvedEntry[] => {
      const at = `artifacts.archives[${a}].entries[${e}]`;
      const to = joinPath(entry.to ?? '.');
      if (isOutside(to) || (entry.to ?? '').startsWith('/')) {
        error(`${at}.to '${entry.to}' leaves the archive`, `use a relative directory inside the archive, e.g. 'lib'`);
        return [];
      }
      // Options come from JSON: check shapes rather than trust the type.
      const raw = entry as { path?: unknown; crate?: unknown; output?: unknown; name?: unknown };
      if (typeof raw.path === 'string' && raw.crate === undefined) {
        const path = joinPath(raw.path);
        if (isOutside(path) || raw.path.startsWith('/')) {
          error(`${at}.path '${raw.path}' is outside the workspace`, 'use a path relative to the workspace root');
          return [];
        }
        return [{ kind: 'path', path, to }];
      }
      if (typeof raw.crate !== 'string' || !raw.crate) {
        error(`${at} has neither 'path' nor 'crate'`, `give a workspace 'path', or a 'crate' with an 'output' (bin, staticlib or cdylib)`);
        return [];
      }
      if (!OUTPUT_KINDS.includes(raw.output as OutputKind)) {
        error(`${at}.output '${String(raw.output)}' is not a build output`, `use "bin", "staticlib" or "cdylib"`);
        return [];
      }
      const kind = raw.output as OutputKind;
      const crate = raw.crate;
      const output = resolveOutput({ crate, output: kind, name: typeof raw.name === 'string' ? raw.name : undefined }, at, packages, version, error);
      if (!output) return [];
      const w = wanted.get(crate) ?? { bins: new Set<string>(), lib: false };
      if (kind === 'bin') w.bins.add(output.name);
      else w.lib = true;
      wanted.set(crate, w);
      return [{ kind: 'output', output: kind, name: output.name, to }];
    }),
  );

  for (const crate of Object.keys(options.features)) {
    if (!wanted.has(crate)) {
      diagnostics.push({
        level: 'warning',
        file: SETTINGS_FILE,
        message: `artifacts.features names '${crate}', which no archive entry builds`,
        fix: `remove it, or add an entry with "crate": "${crate}"`,
      });
    }
  }

  const builds: BuildStep[] = [];
  const archives: PlannedArchive[] = [];
  for (const triple of triples) {
    const minimal = hasMinimal(options, triple);
    const targetDir = `${(input.targetDir ?? 'target').replace(/[\\/]+$/, '')}/${MINIMAL_TARGET_SUBDIR}`;
    for (const [crate, w] of wanted) {
      const args = cargoArgs(triple, crate, w, options.features[crate] ?? []);
      builds.push({ triple, crate, args });
      if (minimal)
        builds.push({
          triple,
          crate,
          args: minimalArgs(options.minimal, args, targetDir, options.minimal.features[crate] ?? []),
          env: minimalEnv(options, triple),
        });
    }
    const platform = platformName(triple, options.platforms);
    options.archives.forEach((archive, a) => {
      const name = fillArtifactPattern(archive.name, { version, tag, platform });
      if (!isSafeFileName(name) || name.includes('{')) {
        error(
          `artifacts.archives[${a}].name '${archive.name}' gives '${name}', not a plain file name`,
          `use letters, digits, '.', '_', '+', '-' and the placeholders {tag} {version} {major} {minor} {patch} {platform}`,
        );
        return;
      }
      const clash = archives.find((x) => x.name === name);
      if (clash) {
        error(
          `artifacts.archives[${a}].name gives '${name}' for ${triple}, the same as for ${clash.triple}`,
          `put {platform} in the name so each target gets its own archive`,
        );
        return;
      }
      const sources = resolved[a].flatMap((r): PlannedSource[] =>
        r.kind === 'path' ? [r] : outputFiles(triple, r.output, r.name).map((f) => ({ kind: 'output', path: `${triple}/release/${f}`, to: r.to })),
      );
      if (minimal) sources.push(...minimalSources(options.minimal, resolved[a], triple));
      archives.push({ name, file: archiveFileName(name, triple), format: archiveFormat(triple), triple, platform, sources });
    });
  }
  if (options.archives.length === 0) {
    diagnostics.push({
      level: 'warning',
      file: SETTINGS_FILE,
      message: 'artifacts.archives is empty: no archive is built, the release gets notes only',
      fix: "declare archives in the plugin options (the 'wasmtime' preset has Wasmtime's)",
    });
  }
  // Entries sharing a crate report the same problem once.
  const unique = diagnostics.filter((d, i) => diagnostics.findIndex((o) => o.message === d.message && o.file === d.file) === i);
  return { version, tag, builds, archives, diagnostics: unique };
}

function resolveOutput(
  entry: { crate: string; output: OutputKind; name?: string },
  at: string,
  packages: CargoPackage[],
  version: string,
  error: (message: string, fix: string, file?: string) => void,
): { name: string } | null {
  const pkg = packages.find((p) => p.name === entry.crate);
  if (!pkg) {
    error(`${at}.crate '${entry.crate}' is not a member of the Cargo workspace`, `use the package name from a member's Cargo.toml [package] name`);
    return null;
  }
  if (pkg.version !== version) {
    error(
      `crate '${pkg.name}' has version ${pkg.version}, but the release is ${version}`,
      `check out the tag of ${version}, or pass --version=${pkg.version}`,
      pkg.manifest,
    );
    return null;
  }
  if (entry.output === 'bin') {
    const bins = pkg.targets.filter((t) => t.kind.includes('bin')).map((t) => t.name);
    const name = entry.name ?? (bins.length === 1 ? bins[0] : undefined);
    if (name && bins.includes(name)) return { name };
    error(
      entry.name ? `${at}: crate '${pkg.name}' has no binary '${entry.name}'` : `${at}: crate '${pkg.name}' has ${bins.length} binaries; which one is meant?`,
      `set "name" to one of: ${bins.join(', ') || '(none: add a [[bin]] target)'}`,
      pkg.manifest,
    );
    return null;
  }
  const lib = pkg.targets.find((t) => t.crateTypes.includes(entry.output));
  if (!lib) {
    error(`${at}: crate '${pkg.name}' does not build a ${entry.output}`, `add "${entry.output}" to crate-type in its [lib] section`, pkg.manifest);
    return null;
  }
  return { name: lib.name };
}

function cargoArgs(triple: string, crate: string, w: { bins: Set<string>; lib: boolean }, features: string[]): string[] {
  const args = ['build', '--release', '--target', triple, '-p', crate];
  for (const bin of [...w.bins].sort()) args.push('--bin', bin);
  if (w.lib) args.push('--lib');
  if (features.length) args.push('--features', features.join(','));
  return args;
}
