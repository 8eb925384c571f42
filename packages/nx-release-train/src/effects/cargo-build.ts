/**
 * The Rust toolchain as the artifacts step uses it: the host triple, the installed targets,
 * `cargo metadata`, and release builds. Commands are argument arrays; output is streamed to a
 * log so a long build shows progress, and a failure carries the tail of it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hostTripleFromRustc } from '../core/artifacts/platform';
import { secretNamesIn } from '../core/secrets';
import type { CargoPackage } from '../core/artifacts/plan';
import { ReleaseError } from '../core/errors';
import { CommandError, run } from './exec';

/** rustc and `cargo metadata` read the workspace; a failure says why, or what is missing. */
async function read(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    return (await run(cmd, args, { cwd })).stdout;
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const what = `${cmd} ${args.join(' ')} failed`;
    const stderr = err.result.stderr.trim();
    if (stderr && !stderr.endsWith(': not found')) throw new ReleaseError(`${what}: ${stderr}`, `fix what ${cmd} reports and rerun`);
    throw new ReleaseError(`${what}; is ${cmd} installed (rustup) and on PATH?`, `install the Rust toolchain (rustup) so that ${cmd} is on PATH`);
  }
}

export async function hostTriple(cwd: string): Promise<string> {
  const out = await read('rustc', ['-vV'], cwd);
  const triple = hostTripleFromRustc(out);
  if (!triple)
    throw new ReleaseError(
      `rustc -vV printed no 'host:' line:\n${out}`,
      'check that `rustc -vV` works in this directory (a rustup toolchain override may be broken)',
    );
  return triple;
}

/** Every target rustc knows (`rustc --print target-list`), installed or not. */
export async function targetList(cwd: string): Promise<string[]> {
  return (await read('rustc', ['--print', 'target-list'], cwd))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Targets whose standard library is installed in the active toolchain's sysroot. */
export async function installedTargets(cwd: string): Promise<string[]> {
  const sysroot = (await read('rustc', ['--print', 'sysroot'], cwd)).trim();
  const dir = join(sysroot, 'lib', 'rustlib');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'lib')))
    .map((e) => e.name)
    .sort();
}

interface MetadataJson {
  packages: Array<{ name: string; version: string; manifest_path: string; targets: Array<{ name: string; kind: string[]; crate_types: string[] }> }>;
  workspace_members: string[];
  target_directory: string;
  workspace_root: string;
}

/** Workspace members from `cargo metadata --no-deps` (offline: nothing to resolve). */
export async function cargoMetadata(root: string): Promise<{ packages: CargoPackage[]; targetDirectory: string }> {
  const out = await read('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'], root);
  const json = JSON.parse(out) as MetadataJson;
  const packages = json.packages.map((p) => ({
    name: p.name,
    version: p.version,
    manifest: relative(json.workspace_root, p.manifest_path).split('\\').join('/'),
    targets: p.targets.map((t) => ({ name: t.name, kind: t.kind, crateTypes: t.crate_types })),
  }));
  return { packages, targetDirectory: json.target_directory };
}

/** `cargo <args>` in `root`, each output line passed to `log`; throws with the last lines. */
export async function cargoBuild(root: string, args: string[], env: Record<string, string>, log: (line: string) => void): Promise<void> {
  const tail: string[] = [];
  const onLine = (line: string) => {
    log(line);
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  // Secrets must not reach build scripts: a release build runs third-party code.
  const withoutEnv = secretNamesIn(process.env);
  const result = await run('cargo', args, { cwd: root, env, withoutEnv, onLine, reject: false });
  if (result.exitCode !== 0) {
    const missing = result.exitCode === 127 && result.stdout === '';
    throw new ReleaseError(
      `cargo ${args.join(' ')} failed (${missing ? 'cargo is not installed (or not on PATH)' : `exit ${result.exitCode}`}):\n${tail.join('\n')}`,
      missing ? 'install the Rust toolchain (rustup) so that cargo is on PATH' : 'fix the build error above and rerun',
    );
  }
}
