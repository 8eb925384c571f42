/**
 * The minimal twin of a build (setting `artifacts.minimal`, on for the builds that set
 * `minimal`): its cargo commands, in a target directory of their own, and its files merged into
 * the same archives as ci/merge-artifacts.sh merges Wasmtime's `-min` builds. Pure.
 */
import type { ArtifactsOptions } from '../settings/options';
import { joinPath } from '../paths';
import { outputFiles, type OutputKind } from './platform';

/** Relative to cargo's target directory: where the minimal builds put their outputs. */
export const MINIMAL_TARGET_SUBDIR = 'min';

export type Minimal = ArtifactsOptions['minimal'];

type Entry = { kind: 'path'; path: string; to: string } | { kind: 'output'; output: OutputKind; name: string; to: string };
type Source = { kind: 'path'; path: string; to: string } | { kind: 'output'; path: string; to: string; as?: string };

/** Whether `triple` has a minimal twin (its build sets `minimal`). */
export function hasMinimal(options: ArtifactsOptions, triple: string): boolean {
  return options.builds.some((b) => b.target === triple && b.minimal === true);
}

/**
 * The twin's environment: `artifacts.minimal.env`, its RUSTFLAGS after the build's own (a
 * build's `-Ctarget-feature=+crt-static` or page-size flag holds for its twin too).
 */
export function minimalEnv(options: ArtifactsOptions, triple: string): Record<string, string> {
  const own = options.builds.find((b) => b.target === triple)?.env?.RUSTFLAGS;
  const env = { ...options.minimal.env };
  if (own && env.RUSTFLAGS) env.RUSTFLAGS = `${own} ${env.RUSTFLAGS}`;
  return env;
}

/** `cargo` arguments of the minimal build: `+toolchain` first, its own target directory and flags. */
export function minimalArgs(minimal: Minimal, full: string[], targetDir: string, features: string[]): string[] {
  const [build, ...rest] = full.filter((a, i, all) => a !== '--features' && all[i - 1] !== '--features');
  return [
    ...(minimal.toolchain ? [`+${minimal.toolchain}`] : []),
    build,
    ...rest,
    '--target-dir',
    targetDir,
    ...minimal.args,
    ...(features.length ? ['--features', features.join(',')] : []),
  ];
}

/**
 * The minimal build's files in one archive: each binary beside the full one, with the suffix
 * (`wasmtime-min`); in an archive with a library, each library and the archive's workspace
 * files under `dir` (`min/lib`, `min/include`: a library goes with its headers).
 */
export function minimalSources(minimal: Minimal, entries: readonly Entry[], triple: string): Source[] {
  const hasLib = entries.some((e) => e.kind === 'output' && e.output !== 'bin');
  const under = (to: string) => joinPath(minimal.dir, to);
  return entries.flatMap((e): Source[] => {
    if (e.kind === 'path') return hasLib ? [{ ...e, to: under(e.to) }] : [];
    const path = (f: string) => `${MINIMAL_TARGET_SUBDIR}/${triple}/release/${f}`;
    if (e.output === 'bin') {
      return outputFiles(triple, 'bin', e.name).map((f) => ({ kind: 'output', path: path(f), to: e.to, as: f.replace(e.name, `${e.name}${minimal.suffix}`) }));
    }
    return outputFiles(triple, e.output, e.name).map((f) => ({ kind: 'output', path: path(f), to: under(e.to) }));
  });
}
