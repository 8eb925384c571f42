import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../presets/wasmtime';
import { DEFAULT_OPTIONS } from '../settings/options';
import { buildTargets } from './builds';
import { planArtifacts, type CargoPackage } from './plan';

// Wasmtime's real manifests and `cargo metadata` (fixtures): the preset must name real crates,
// binaries and libraries, and give the archive names Wasmtime publishes.
const caseDir = resolve(__dirname, '../../../../../fixtures/wasmtime/patch-46.0.1/after');

interface Manifest {
  lib?: { name?: string; 'crate-type'?: string[] };
  bin?: Array<{ name: string }>;
}

function packagesOf(tree: string, metadata: { packages: Array<{ name: string; manifest_path: string }> }, version: (m: string) => string): CargoPackage[] {
  return metadata.packages.map((p) => {
    const manifest = p.manifest_path.replace('$WORKSPACE/', '');
    const toml = parse(readFileSync(join(tree, manifest), 'utf8')) as Manifest;
    const targets = (toml.bin ?? []).map((b) => ({ name: b.name, kind: ['bin'], crateTypes: ['bin'] }));
    const types = toml.lib?.['crate-type'] ?? ['lib'];
    targets.push({ name: (toml.lib?.name ?? p.name).replaceAll('-', '_'), kind: types, crateTypes: types });
    return { name: p.name, version: version(manifest), manifest, targets };
  });
}

describe("the wasmtime preset's artifacts against Wasmtime 46.0.1", () => {
  it("plans Wasmtime's two archives per platform from its own manifests", () => {
    const tree = join(caseDir, 'tree');
    // `after` of the patch has no metadata.json of its own; the members are those of `before`.
    const metadata = JSON.parse(readFileSync(join(caseDir, '../before/metadata.json'), 'utf8'));
    const packages = packagesOf(tree, metadata, () => '46.0.1');
    const artifacts = { ...DEFAULT_OPTIONS.artifacts, ...wasmtimePreset.artifacts };
    const plan = planArtifacts({
      options: artifacts,
      version: '46.0.1',
      tag: 'v46.0.1',
      triples: ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'],
      packages,
    });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.archives.map((a) => a.file)).toEqual([
      'wasmtime-v46.0.1-x86_64-linux.tar.xz',
      'wasmtime-v46.0.1-x86_64-linux-c-api.tar.xz',
      'wasmtime-v46.0.1-aarch64-macos.tar.xz',
      'wasmtime-v46.0.1-aarch64-macos-c-api.tar.xz',
    ]);
    const capi = plan.archives[3].sources.filter((s) => s.kind === 'output').map((s) => s.path);
    expect(capi).toEqual(['aarch64-apple-darwin/release/libwasmtime.a', 'aarch64-apple-darwin/release/libwasmtime.dylib']);
    expect(plan.archives[0].sources[0]).toEqual({ kind: 'output', path: 'x86_64-unknown-linux-gnu/release/wasmtime', to: '.' });
    expect(plan.builds[0].args).toEqual([
      'build',
      '--release',
      '--target',
      'x86_64-unknown-linux-gnu',
      '-p',
      'wasmtime-cli',
      '--bin',
      'wasmtime',
      '--features',
      'all-arch,component-model,run',
    ]);
    // The header directory the preset packs is where Wasmtime keeps its version macros.
    expect(readFileSync(join(tree, 'crates/c-api/include/wasmtime.h'), 'utf8')).toContain('#define WASMTIME_VERSION "46.0.1"');
  });

  it("names the archives of its 16 builds as Wasmtime's release does, Windows and MinGW as .zip", () => {
    const tree = join(caseDir, 'tree');
    const metadata = JSON.parse(readFileSync(join(caseDir, '../before/metadata.json'), 'utf8'));
    const artifacts = { ...DEFAULT_OPTIONS.artifacts, ...wasmtimePreset.artifacts };
    const plan = planArtifacts({
      options: artifacts,
      version: '46.0.1',
      tag: 'v46.0.1',
      triples: buildTargets(artifacts.builds),
      packages: packagesOf(tree, metadata, () => '46.0.1'),
    });
    expect(plan.diagnostics).toEqual([]);
    // SPEC §6, the table of ci/build-build-matrix.js, in its order.
    const cli = plan.archives.filter((a) => !a.name.endsWith('-c-api')).map((a) => a.file.replace('wasmtime-v46.0.1-', ''));
    expect(cli).toEqual([
      'x86_64-linux.tar.xz',
      'aarch64-linux.tar.xz',
      's390x-linux.tar.xz',
      'riscv64gc-linux.tar.xz',
      'x86_64-macos.tar.xz',
      'aarch64-macos.tar.xz',
      'x86_64-windows.zip',
      'x86_64-mingw.zip',
      'aarch64-android.tar.xz',
      'x86_64-android.tar.xz',
      'x86_64-musl.tar.xz',
      'aarch64-musl.tar.xz',
      'aarch64-windows.zip',
      'i686-linux.tar.xz',
      'armv7-linux.tar.xz',
      'i686-windows.zip',
    ]);
    expect(plan.archives.filter((a) => a.name.endsWith('-c-api'))).toHaveLength(16);
    expect(plan.archives.find((a) => a.file === 'wasmtime-v46.0.1-x86_64-windows-c-api.zip')?.format).toBe('zip');
  });
});
