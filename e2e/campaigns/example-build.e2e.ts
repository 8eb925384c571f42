/**
 * The bundled example builds and packages offline from its committed Cargo.lock: the CLI, the
 * C libraries, and every publishable crate verified by `cargo package --workspace`. Minutes
 * of cargo, so a campaign; the membership and release files are e2e/commands/example.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, EXPECTED_MEMBERS, UNPUBLISHED, type ExampleCopy } from '../support/example';

function tarList(crateFile: string): string[] {
  const run = spawnSync('tar', ['-tzf', crateFile], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.split('\n').filter(Boolean);
}

describe('examples/mini-wasmtime builds and packages', () => {
  let ex: ExampleCopy;
  const cargo = (args: string[]) => ex.cargo(args);
  const metadata = () => ex.metadata();
  const workspaceVersion = () => ex.workspaceVersion();

  beforeAll(() => {
    ex = copyExample();
  });
  afterAll(() => ex?.cleanup());

  it('builds the CLI and the C libraries from the committed Cargo.lock', () => {
    cargo(['build', '--release', '--locked', '--offline', '-p', 'wasmtime-c-api', '-p', 'wasmtime-cli']);
    const release = join(ex.targetDir, 'release');
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
    const packageDir = join(ex.targetDir, 'package');
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
});
