/**
 * Proof that the bundled example workspace (examples/mini-wasmtime) is what tests, e2e,
 * benchmarks and the README demo assume: a real Cargo workspace that Cargo itself accepts,
 * packages and builds offline, with the membership and release files it was designed for.
 * Everything runs on a copy in a temp dir, so the committed example is never touched.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(__dirname, '..');
const exampleDir = join(repoRoot, 'examples', 'mini-wasmtime');
const fixtureTemplate = resolve(repoRoot, 'fixtures/wasmtime/cut-45/before/tree/ci/RELEASES-template.md');

/** Members as designed: manifest directory (relative, '.' for the root) -> package name. */
const EXPECTED_MEMBERS: Record<string, string> = {
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
const UNPUBLISHED = ['wasmtime-test-util', 'cranelift-tools', 'wasmtime-c-api'];

interface MetadataPackage {
  id: string;
  name: string;
  version: string;
  manifest_path: string;
  publish: string[] | null;
}
interface Metadata {
  packages: MetadataPackage[];
  workspace_members: string[];
  workspace_root: string;
}

const hasCargo = spawnSync('cargo', ['--version']).status === 0;
if (!hasCargo) console.warn('example.e2e: skipped, `cargo` is not on PATH');

describe.skipIf(!hasCargo)('examples/mini-wasmtime', () => {
  let work: string;
  let root: string;
  let env: NodeJS.ProcessEnv;

  /** Runs cargo in the copy; the failure message carries cargo's own output. */
  function cargo(args: string[]): string {
    const run = spawnSync('cargo', args, { cwd: root, env, encoding: 'utf8' });
    if (run.status !== 0) {
      throw new Error(`cargo ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
    }
    return run.stdout;
  }

  function metadata(): Metadata {
    return JSON.parse(cargo(['metadata', '--no-deps', '--offline', '--format-version', '1']));
  }

  function workspaceVersion(): string {
    const manifest = parse(readFileSync(join(root, 'Cargo.toml'), 'utf8')) as {
      workspace: { package: { version: string } };
    };
    return manifest.workspace.package.version;
  }

  function tarList(crateFile: string): string[] {
    const run = spawnSync('tar', ['-tzf', crateFile], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split('\n').filter(Boolean);
  }

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'mini-wasmtime-'));
    root = join(work, 'mini-wasmtime');
    // A target/ left by someone building the example in place must not be copied.
    cpSync(exampleDir, root, {
      recursive: true,
      filter: (src) => !relative(exampleDir, src).split(sep).includes('target'),
    });
    env = { ...process.env, CARGO_TARGET_DIR: join(work, 'target'), CARGO_NET_OFFLINE: 'true' };
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has exactly the designed members: implicit ones in, excluded and nested out', () => {
    const meta = metadata();
    const byId = new Map(meta.packages.map((p) => [p.id, p]));
    const members = Object.fromEntries(
      meta.workspace_members.map((id) => {
        const pkg = byId.get(id)!;
        const dir = relative(meta.workspace_root, resolve(pkg.manifest_path, '..')) || '.';
        return [dir.split(sep).join('/'), pkg.name];
      }),
    );
    expect(members).toEqual(EXPECTED_MEMBERS);
    expect(meta.workspace_members).toHaveLength(16);
    // The traps exist on disk, so their absence above is Cargo's decision, not a missing file.
    expect(existsSync(join(root, 'crates/wasm-demo/Cargo.toml'))).toBe(true);
    expect(readFileSync(join(root, 'fuzz/Cargo.toml'), 'utf8')).toMatch(/^\[workspace\]$/m);
  });

  it('keeps its two version lines in step (cranelift minor = major + 87)', () => {
    const version = workspaceVersion();
    const [major] = version.split('.').map(Number);
    const cranelift = `0.${major + 87}.0`;
    for (const pkg of metadata().packages) {
      if (UNPUBLISHED.includes(pkg.name)) {
        expect(pkg.publish, pkg.name).toEqual([]);
        continue;
      }
      expect(pkg.publish, pkg.name).toBeNull();
      expect(pkg.version, pkg.name).toBe(pkg.name.startsWith('cranelift-') ? cranelift : version);
    }
  });

  it('builds the CLI and the C libraries from the committed Cargo.lock', () => {
    cargo(['build', '--release', '--locked', '--offline', '-p', 'wasmtime-c-api', '-p', 'wasmtime-cli']);
    const release = join(env.CARGO_TARGET_DIR!, 'release');
    const run = spawnSync(join(release, 'wasmtime'), [], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe(`wasmtime ${workspaceVersion()}`);
    expect(existsSync(join(release, 'libwasmtime.a'))).toBe(true);
    expect(existsSync(join(release, 'libwasmtime.so'))).toBe(true);
  });

  it('packages and verifies every publishable crate with `cargo package --workspace`', () => {
    // Without --no-verify: each .crate is unpacked and built against the others.
    cargo(['package', '--workspace', '--offline', '--allow-dirty']);
    const publishable = metadata()
      .packages.filter((p) => p.publish === null)
      .map((p) => ({ name: p.name, version: p.version }));
    expect(publishable.map((p) => p.name).sort()).toEqual(
      Object.values(EXPECTED_MEMBERS)
        .filter((name) => !UNPUBLISHED.includes(name))
        .sort(),
    );
    const packageDir = join(env.CARGO_TARGET_DIR!, 'package');
    for (const { name, version } of publishable) {
      expect(existsSync(join(packageDir, `${name}-${version}.crate`)), name).toBe(true);
    }

    const version = workspaceVersion();
    const cli = tarList(join(packageDir, `wasmtime-cli-${version}.crate`));
    expect(cli).toEqual(expect.arrayContaining([`wasmtime-cli-${version}/RELEASES.md`]));
    // Sub-packages, the excluded crate and the nested workspace stay out of the root crate.
    expect(cli.filter((f) => /\/(crates|cranelift|fuzz)\//.test(f))).toEqual([]);
    const capi = tarList(join(packageDir, `wasmtime-c-api-impl-${version}.crate`));
    expect(capi).toContain(`wasmtime-c-api-impl-${version}/include/wasmtime.h`);
  });

  it('carries the version in wasmtime.h and RELEASES.md in Wasmtime formats', () => {
    const version = workspaceVersion();
    const [major, minor, patch] = version.split('.');
    const header = readFileSync(join(root, 'crates/c-api/include/wasmtime.h'), 'utf8');
    expect(header).toContain(
      [
        `#define WASMTIME_VERSION "${version}"`,
        `#define WASMTIME_VERSION_MAJOR ${major}`,
        `#define WASMTIME_VERSION_MINOR ${minor}`,
        `#define WASMTIME_VERSION_PATCH ${patch}`,
      ].join('\n'),
    );

    const releases = readFileSync(join(root, 'RELEASES.md'), 'utf8');
    expect(releases.startsWith(`## ${version}\n\nUnreleased.\n\n### Added\n`)).toBe(true);
    expect(releases).toContain(`\n${'-'.repeat(80)}\n\nRelease notes for previous releases`);
    const archive = releases.slice(releases.indexOf('<!-- ARCHIVE_START -->\n'));
    expect(archive.split('\n')[1]).toBe(
      `* [${Number(major) - 1}.0.x](https://github.com/bytecodealliance/wasmtime/blob/release-${Number(major) - 1}.0.0/RELEASES.md)`,
    );
  });

  it('uses the same ci/RELEASES-template.md as Wasmtime', () => {
    expect(readFileSync(join(root, 'ci/RELEASES-template.md'), 'utf8')).toBe(readFileSync(fixtureTemplate, 'utf8'));
  });
});
