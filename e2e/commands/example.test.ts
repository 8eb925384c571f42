/**
 * The bundled example (examples/mini-wasmtime) is what tests, benchmarks and the README demo
 * assume: a Cargo workspace Cargo itself accepts, with the membership, version lines and
 * release files it was designed for (cargo metadata on a copy; building and packaging it is
 * e2e/campaigns/example-build.e2e.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, EXPECTED_MEMBERS, UNPUBLISHED, type ExampleCopy } from '../support/example';
import { repoRoot } from '../support/workspace';

const fixtureTemplate = resolve(repoRoot, 'fixtures/wasmtime/cut-45/before/tree/ci/RELEASES-template.md');

describe('examples/mini-wasmtime', () => {
  let ex: ExampleCopy;
  let root: string;
  const metadata = () => ex.metadata();
  const workspaceVersion = () => ex.workspaceVersion();

  beforeAll(() => {
    ex = copyExample();
    root = ex.root;
  });
  afterAll(() => ex?.cleanup());

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
