import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, type ArtifactsOptions } from '../settings/options';
import { planArtifacts, type CargoPackage, type ArtifactsPlanInput } from './plan';

// A workspace shaped like the example: a CLI package with one binary, a C API with libraries.
const packages: CargoPackage[] = [
  { name: 'demo-cli', version: '5.0.0', manifest: 'Cargo.toml', targets: [{ name: 'demo', kind: ['bin'], crateTypes: ['bin'] }] },
  {
    name: 'demo-c-api',
    version: '5.0.0',
    manifest: 'crates/c-api/Cargo.toml',
    targets: [{ name: 'demo_capi', kind: ['staticlib', 'cdylib', 'rlib'], crateTypes: ['staticlib', 'cdylib', 'rlib'] }],
  },
  {
    name: 'tools',
    version: '5.0.0',
    manifest: 'tools/Cargo.toml',
    targets: [
      { name: 'a', kind: ['bin'], crateTypes: ['bin'] },
      { name: 'b', kind: ['bin'], crateTypes: ['bin'] },
    ],
  },
];

const artifacts: ArtifactsOptions = {
  ...DEFAULT_OPTIONS.artifacts,
  archives: [
    { name: 'demo-{tag}-{platform}', entries: [{ crate: 'demo-cli', output: 'bin' }, { path: 'LICENSE' }, { path: 'README.md' }] },
    {
      name: 'demo-{tag}-{platform}-c-api',
      entries: [
        { path: 'crates/c-api/include', to: 'include' },
        { crate: 'demo-c-api', output: 'staticlib', to: 'lib' },
        { crate: 'demo-c-api', output: 'cdylib', to: 'lib' },
      ],
    },
  ],
  features: { 'demo-cli': ['run', 'all-arch'] },
};

const input = (over: Partial<ArtifactsPlanInput> = {}): ArtifactsPlanInput => ({
  options: artifacts,
  version: '5.0.0',
  tag: 'v5.0.0',
  triples: ['x86_64-unknown-linux-gnu'],
  packages,
  ...over,
});

const errors = (i: ArtifactsPlanInput) => planArtifacts(i).diagnostics.filter((d) => d.level === 'error');

describe('planArtifacts', () => {
  it('builds each crate once per target and lays out both archives', () => {
    const plan = planArtifacts(input());
    expect(plan.diagnostics).toEqual([]);
    expect(plan.builds).toEqual([
      {
        triple: 'x86_64-unknown-linux-gnu',
        crate: 'demo-cli',
        args: ['build', '--release', '--target', 'x86_64-unknown-linux-gnu', '-p', 'demo-cli', '--bin', 'demo', '--features', 'run,all-arch'],
      },
      {
        triple: 'x86_64-unknown-linux-gnu',
        crate: 'demo-c-api',
        args: ['build', '--release', '--target', 'x86_64-unknown-linux-gnu', '-p', 'demo-c-api', '--lib'],
      },
    ]);
    expect(plan.archives.map((a) => a.file)).toEqual(['demo-v5.0.0-x86_64-linux.tar.xz', 'demo-v5.0.0-x86_64-linux-c-api.tar.xz']);
    expect(plan.archives[0].sources).toEqual([
      { kind: 'output', path: 'x86_64-unknown-linux-gnu/release/demo', to: '.' },
      { kind: 'path', path: 'LICENSE', to: '.' },
      { kind: 'path', path: 'README.md', to: '.' },
    ]);
    expect(plan.archives[1].sources).toEqual([
      { kind: 'path', path: 'crates/c-api/include', to: 'include' },
      { kind: 'output', path: 'x86_64-unknown-linux-gnu/release/libdemo_capi.a', to: 'lib' },
      { kind: 'output', path: 'x86_64-unknown-linux-gnu/release/libdemo_capi.so', to: 'lib' },
    ]);
  });

  it('adds archives per extra target with that target’s file names', () => {
    const plan = planArtifacts(input({ triples: ['x86_64-unknown-linux-gnu', 'x86_64-pc-windows-gnu'] }));
    expect(plan.builds).toHaveLength(4);
    const win = plan.archives.filter((a) => a.triple === 'x86_64-pc-windows-gnu');
    expect(win.map((a) => a.name)).toEqual(['demo-v5.0.0-x86_64-mingw', 'demo-v5.0.0-x86_64-mingw-c-api']);
    expect(win[0].sources[0].path).toBe('x86_64-pc-windows-gnu/release/demo.exe');
    expect(win[1].sources.map((s) => s.path)).toContain('x86_64-pc-windows-gnu/release/demo_capi.dll');
  });

  it('refuses archive names that collide across targets', () => {
    const options = { ...artifacts, archives: [{ name: 'demo-{tag}', entries: [{ path: 'LICENSE' }] }] };
    const errs = errors(input({ options, triples: ['x86_64-unknown-linux-gnu', 'aarch64-apple-darwin'] }));
    expect(errs).toHaveLength(1);
    expect(errs[0].message).toMatch(/'demo-v5.0.0' for aarch64-apple-darwin, the same as for x86_64-unknown-linux-gnu/);
    expect(errs[0].fix).toMatch(/\{platform\}/);
  });

  it('reports every bad entry at once, naming the setting and the fix', () => {
    const options: ArtifactsOptions = {
      ...artifacts,
      archives: [
        {
          name: 'x-{platform}',
          entries: [
            { crate: 'nope', output: 'bin' },
            { crate: 'tools', output: 'bin' },
            { crate: 'tools', output: 'bin', name: 'c' },
            { crate: 'demo-cli', output: 'cdylib' },
            { crate: 'demo-cli', output: 'dylib' as 'cdylib' },
            { path: '../etc/passwd' },
            { path: 'LICENSE', to: '../up' },
            {} as { path: string },
          ],
        },
      ],
    };
    const errs = errors(input({ options }));
    expect(errs.map((e) => e.message)).toEqual([
      "artifacts.archives[0].entries[0].crate 'nope' is not a member of the Cargo workspace",
      "artifacts.archives[0].entries[1]: crate 'tools' has 2 binaries; which one is meant?",
      "artifacts.archives[0].entries[2]: crate 'tools' has no binary 'c'",
      "artifacts.archives[0].entries[3]: crate 'demo-cli' does not build a cdylib",
      "artifacts.archives[0].entries[4].output 'dylib' is not a build output",
      "artifacts.archives[0].entries[5].path '../etc/passwd' is outside the workspace",
      "artifacts.archives[0].entries[6].to '../up' leaves the archive",
      "artifacts.archives[0].entries[7] has neither 'path' nor 'crate'",
    ]);
    expect(errs[1].fix).toBe('set "name" to one of: a, b');
    expect(errs[3].file).toBe('Cargo.toml');
  });

  it('refuses to package crates of another version, once per crate', () => {
    const errs = errors(input({ version: '5.0.1', tag: 'v5.0.1' }));
    expect(errs.map((e) => [e.file, e.message])).toEqual([
      ['Cargo.toml', "crate 'demo-cli' has version 5.0.0, but the release is 5.0.1"],
      ['crates/c-api/Cargo.toml', "crate 'demo-c-api' has version 5.0.0, but the release is 5.0.1"],
    ]);
  });

  it('warns about features for crates no archive builds, and about no archives at all', () => {
    const none = planArtifacts(input({ options: { ...artifacts, archives: [] } }));
    expect(none.builds).toEqual([]);
    expect(none.diagnostics.map((d) => d.level)).toEqual(['warning', 'warning']);
    expect(none.diagnostics[0].message).toMatch(/features names 'demo-cli'/);
    expect(none.diagnostics[1].message).toMatch(/archives is empty/);
  });

  it('rejects names that are not plain file names', () => {
    const options = { ...artifacts, archives: [{ name: '../{tag}-{platform}', entries: [] }] };
    expect(errors(input({ options }))[0].message).toMatch(/not a plain file name/);
    const unknown = { ...artifacts, archives: [{ name: '{tag}-{arch}', entries: [] }] };
    expect(errors(input({ options: unknown }))[0].message).toMatch(/gives 'v5.0.0-\{arch\}'/);
  });
});
