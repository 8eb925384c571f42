import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ArtifactsOptions } from '../settings/options';
import { planArtifacts, type CargoPackage } from './plan';

const packages: CargoPackage[] = [
  { name: 'demo-cli', version: '5.0.0', manifest: 'Cargo.toml', targets: [{ name: 'demo', kind: ['bin'], crateTypes: ['bin'] }] },
  {
    name: 'demo-c-api',
    version: '5.0.0',
    manifest: 'crates/c-api/Cargo.toml',
    targets: [{ name: 'demo_capi', kind: ['staticlib', 'cdylib'], crateTypes: ['staticlib', 'cdylib'] }],
  },
];

// Two builds, the Windows one with its minimal twin (Wasmtime's `-min` shape).
const artifacts: ArtifactsOptions = {
  ...DEFAULT_OPTIONS.artifacts,
  archives: [
    { name: 'demo-{tag}-{platform}', entries: [{ crate: 'demo-cli', output: 'bin' }, { path: 'LICENSE' }] },
    {
      name: 'demo-{tag}-{platform}-c-api',
      entries: [
        { path: 'include', to: 'include' },
        { crate: 'demo-c-api', output: 'staticlib', to: 'lib' },
      ],
    },
  ],
  features: { 'demo-cli': ['all'] },
  builds: [
    { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-24.04' },
    { target: 'x86_64-pc-windows-msvc', runner: 'windows-2025', minimal: true, env: { RUSTFLAGS: '-Ctarget-feature=+crt-static' } },
  ],
  minimal: {
    toolchain: 'nightly',
    args: ['--no-default-features'],
    features: { 'demo-cli': ['run'] },
    env: { CARGO_PROFILE_RELEASE_OPT_LEVEL: 's', RUSTFLAGS: '-Zlocation-detail=none' },
    suffix: '-min',
    dir: 'min',
  },
};
const plan = planArtifacts({
  options: artifacts,
  version: '5.0.0',
  tag: 'v5.0.0',
  triples: ['x86_64-unknown-linux-gnu', 'x86_64-pc-windows-msvc'],
  packages,
  targetDir: '/w/target',
});

describe('minimal twins', () => {
  it('builds the twin of a build that sets minimal only, with its toolchain, flags, features and environment, in its own target directory', () => {
    expect(plan.diagnostics).toEqual([]);
    const cli = plan.builds.filter((b) => b.crate === 'demo-cli').map((b) => [b.triple, b.args.join(' '), b.env]);
    expect(cli).toEqual([
      ['x86_64-unknown-linux-gnu', 'build --release --target x86_64-unknown-linux-gnu -p demo-cli --bin demo --features all', undefined],
      ['x86_64-pc-windows-msvc', 'build --release --target x86_64-pc-windows-msvc -p demo-cli --bin demo --features all', undefined],
      [
        'x86_64-pc-windows-msvc',
        '+nightly build --release --target x86_64-pc-windows-msvc -p demo-cli --bin demo --target-dir /w/target/min --no-default-features --features run',
        // The build's own RUSTFLAGS (crt-static) hold for its twin too.
        { CARGO_PROFILE_RELEASE_OPT_LEVEL: 's', RUSTFLAGS: '-Ctarget-feature=+crt-static -Zlocation-detail=none' },
      ],
    ]);
    expect(plan.builds.filter((b) => b.crate === 'demo-c-api').map((b) => b.args.join(' '))).toContain(
      '+nightly build --release --target x86_64-pc-windows-msvc -p demo-c-api --lib --target-dir /w/target/min --no-default-features',
    );
  });

  it('merges the twin into the same archives: the binary with its suffix, a library and its headers under min/', () => {
    const sources = (file: string) => plan.archives.find((a) => a.file === file)!.sources;
    expect(sources('demo-v5.0.0-x86_64-windows.zip')).toEqual([
      { kind: 'output', path: 'x86_64-pc-windows-msvc/release/demo.exe', to: '.' },
      { kind: 'path', path: 'LICENSE', to: '.' },
      { kind: 'output', path: 'min/x86_64-pc-windows-msvc/release/demo.exe', to: '.', as: 'demo-min.exe' },
    ]);
    expect(sources('demo-v5.0.0-x86_64-windows-c-api.zip').slice(2)).toEqual([
      { kind: 'path', path: 'include', to: 'min/include' },
      { kind: 'output', path: 'min/x86_64-pc-windows-msvc/release/demo_capi.lib', to: 'min/lib' },
    ]);
    // The build without the setting has no twin.
    expect(JSON.stringify(plan.archives.filter((a) => a.triple === 'x86_64-unknown-linux-gnu'))).not.toContain('min/');
  });
});
