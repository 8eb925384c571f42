/**
 * A copy of the bundled example (examples/mini-wasmtime) in a temporary directory, with cargo
 * run offline in it and its own target directory, so the committed example is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse } from 'smol-toml';
import { exampleRoot } from './workspace';

/** Members as designed: manifest directory (relative, '.' for the root) -> package name. */
export const EXPECTED_MEMBERS: Record<string, string> = {
  '.': 'wasmtime-cli',
  'crates/wasmtime': 'wasmtime',
  'crates/environ': 'wasmtime-environ',
  'crates/core': 'wasmtime-internal-core',
  'crates/fiber': 'wasmtime-internal-fiber',
  'crates/cli-flags': 'wasmtime-cli-flags',
  'crates/c-api': 'wasmtime-c-api-impl',
  'crates/c-api/macros': 'wasmtime-c-api-macros',
  'crates/c-api/artifact': 'wasmtime-c-api',
  'crates/test-util': 'wasmtime-test-util',
  cranelift: 'cranelift-tools',
  'cranelift/entity': 'cranelift-entity',
  'cranelift/codegen': 'cranelift-codegen',
  'cranelift/codegen/shared': 'cranelift-codegen-shared',
  'cranelift/codegen/meta': 'cranelift-codegen-meta',
  'cranelift/frontend': 'cranelift-frontend',
};
export const UNPUBLISHED = ['wasmtime-test-util', 'cranelift-tools', 'wasmtime-c-api'];

export interface MetadataPackage {
  id: string;
  name: string;
  version: string;
  manifest_path: string;
  publish: string[] | null;
}
export interface Metadata {
  packages: MetadataPackage[];
  workspace_members: string[];
  workspace_root: string;
}

export interface ExampleCopy {
  root: string;
  targetDir: string;
  /** Runs cargo in the copy; the failure message carries cargo's own output. */
  cargo(args: string[]): string;
  metadata(): Metadata;
  workspaceVersion(): string;
  cleanup(): void;
}

export function copyExample(): ExampleCopy {
  const work = mkdtempSync(join(tmpdir(), 'mini-wasmtime-'));
  const root = join(work, 'mini-wasmtime');
  // A target/ left by someone building the example in place must not be copied.
  cpSync(exampleRoot, root, { recursive: true, filter: (src) => !relative(exampleRoot, src).split(sep).includes('target') });
  const targetDir = join(work, 'target');
  const env = { ...process.env, CARGO_TARGET_DIR: targetDir, CARGO_NET_OFFLINE: 'true' };
  const cargo = (args: string[]) => {
    const run = spawnSync('cargo', args, { cwd: root, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`cargo ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
    return run.stdout;
  };
  return {
    root,
    targetDir,
    cargo,
    metadata: () => JSON.parse(cargo(['metadata', '--no-deps', '--offline', '--format-version', '1'])) as Metadata,
    workspaceVersion: () =>
      (parse(readFileSync(join(root, 'Cargo.toml'), 'utf8')) as { workspace: { package: { version: string } } }).workspace.package.version,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
