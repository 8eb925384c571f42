/**
 * Wasmtime's settings, written into nx.json by `nx g nx-release-train:init --preset=wasmtime`.
 * Pure configuration: the plugin's code knows no crate name; everything Wasmtime-specific
 * lives here.
 */
import type { ReleaseTrainOptions } from '../core/settings/options';

export const wasmtimePreset: Partial<ReleaseTrainOptions> = {
  versionFiles: [
    {
      file: 'crates/c-api/include/wasmtime.h',
      patterns: [
        '#define WASMTIME_VERSION "{version}"',
        '#define WASMTIME_VERSION_MAJOR {major}',
        '#define WASMTIME_VERSION_MINOR {minor}',
        '#define WASMTIME_VERSION_PATCH {patch}',
      ],
    },
  ],
  releasesFile: 'RELEASES.md',
  releasesTemplate: 'ci/RELEASES-template.md',
  archiveLine: '* [{major}.{minor}.x](https://github.com/bytecodealliance/wasmtime/blob/release-{version}/RELEASES.md)',
  branchPattern: 'release-{version}',
  bumpBranchPattern: 'ci/bump-to-{version}',
  tagPattern: 'v{version}',
  bumpTitle: 'Bump Wasmtime to {version}',
  releaseTitle: 'Release Wasmtime {version}',
  marker: '[automatically-tag-and-release-this-commit]',
  // Required with caret in Wasmtime's [workspace.dependencies] and, among Cranelift's own
  // crates, in their manifests (the -meta/-shared build crates); everything else first-party is `=`.
  publicCrates: [
    'wasmtime',
    'wasmtime-wasi',
    'wasmtime-wasi-io',
    'wasmtime-wasi-http',
    'wasmtime-wasi-nn',
    'wasmtime-wasi-config',
    'wasmtime-wasi-keyvalue',
    'wasmtime-wasi-threads',
    'wasmtime-wasi-tls',
    'wasmtime-wizer',
    'cranelift',
    'cranelift-assembler-x64',
    'cranelift-bforest',
    'cranelift-bitset',
    'cranelift-codegen',
    'cranelift-control',
    'cranelift-entity',
    'cranelift-frontend',
    'cranelift-interpreter',
    'cranelift-jit',
    'cranelift-module',
    'cranelift-native',
    'cranelift-object',
    'cranelift-reader',
    'cranelift-srcgen',
    'cranelift-assembler-x64-meta',
    'cranelift-codegen-meta',
    'cranelift-codegen-shared',
  ],
  supportedLines: 2,
  // Wasmtime's own policy: public crates with caret, the rest pinned with `=`; release notes
  // always edited (RELEASES.md has the expected shape).
  requirementPolicy: 'public-caret',
  // Every patch moves every first-party requirement: Wasmtime pins its internal crates with `=`.
  requirementUpdates: 'all',
  // Cranelift's 0.M line (M = X + 87) moves with every Wasmtime release, changed or not.
  versionLines: { followWorkspace: [], fixed: [], movePrivate: [], groups: {}, follow: ['cranelift', 'cranelift-*'], bump: {}, release: '' },
  releaseNotes: 'edit',
  // Today's train (#14051, since September 2026): main at X.0.0-dev, the cut starts X.0.0-rc.1.
  // Branches cut before it (plain X.0.0) keep the classic shape; the versions say which applies.
  devSuffix: 'dev',
  candidates: true,
  candidateSuffix: 'rc',
  // Wasmtime brings supply-chain/ (cargo-vet) along after every bump. It is not on by default
  // because cargo-vet may need the network; to run it, set in nx.json:
  //   "postVersionCommand": ["cargo", "vet"]
  // Every release commit (cut, candidate, release day, patch) is then prepared in a temporary
  // worktree where the command runs, and what it changes joins the commit.
  // The archives Wasmtime attaches to each GitHub release, laid out as ci/build-tarballs.sh does
  // (CLI: the binary, LICENSE, README; C API: include/ and lib/), built as
  // ci/build-release-artifacts.sh builds them.
  artifacts: {
    archives: [
      {
        name: 'wasmtime-{tag}-{platform}',
        entries: [{ crate: 'wasmtime-cli', output: 'bin', name: 'wasmtime' }, { path: 'LICENSE' }, { path: 'README.md' }],
      },
      {
        name: 'wasmtime-{tag}-{platform}-c-api',
        entries: [
          { path: 'LICENSE' },
          { path: 'README.md' },
          { path: 'crates/c-api/include', to: 'include' },
          { path: 'crates/c-api/wasm-c-api/include/wasm.h', to: 'include' },
          { crate: 'wasmtime-c-api', output: 'staticlib', to: 'lib' },
          { crate: 'wasmtime-c-api', output: 'cdylib', to: 'lib' },
        ],
      },
    ],
    features: { 'wasmtime-cli': ['all-arch', 'component-model', 'run'] },
    buildEnv: { CARGO_PROFILE_RELEASE_STRIP: 'debuginfo', CARGO_PROFILE_RELEASE_PANIC: 'abort' },
    platforms: {},
    targets: [],
    outputDir: 'dist',
    compression: 9,
    releaseName: '{tag}',
  },
  // The release goes to the repository the job runs in (GITHUB_REPOSITORY, set by GitHub
  // Actions), like the train's pull requests: no setting names it.
  // One artifact job per platform Wasmtime releases natively (the cross-compiled ones, e.g.
  // s390x, riscv64gc and Android, need cross toolchains the jobs do not install).
  artifactRunners: {
    'x86_64-unknown-linux-gnu': 'ubuntu-latest',
    'aarch64-unknown-linux-gnu': 'ubuntu-24.04-arm',
    'x86_64-unknown-linux-musl': 'ubuntu-latest',
    'x86_64-apple-darwin': 'macos-13',
    'aarch64-apple-darwin': 'macos-latest',
    'x86_64-pc-windows-msvc': 'windows-latest',
    'x86_64-pc-windows-gnu': 'windows-latest',
  },
  // The binding repositories follow each release with the same version (SPEC §5).
  bindings: {
    branchPattern: 'ci/update-wasmtime-{version}',
    title: 'Update to Wasmtime {version}',
    // go (v44), py (46.0.1), rb (v45) lag a few majors behind 49 in 2026: a longer jump is said, and needs --force.
    maxMajorJump: 2,
    repos: [
      {
        name: 'py',
        url: 'https://github.com/bytecodealliance/wasmtime-py.git',
        tagPattern: '{version}',
        rules: [
          { kind: 'version-file', file: 'VERSION' },
          { kind: 'pattern', file: 'ci/download-wasmtime.py', pattern: 'WASMTIME_VERSION = "v{version}"' },
        ],
      },
      {
        name: 'go',
        url: 'https://github.com/bytecodealliance/wasmtime-go.git',
        rules: [
          { kind: 'go-module', module: 'github.com/bytecodealliance/wasmtime-go' },
          { kind: 'pattern', file: 'ci/download-wasmtime.py', pattern: "version = 'v{version}'" },
        ],
      },
      {
        name: 'dotnet',
        url: 'https://github.com/bytecodealliance/wasmtime-dotnet.git',
        // Still on 34.0.1 in 2026 (last tag v22.0.0): moved by hand, when its maintainers choose.
        follows: 'manual',
        // The element carries a Condition attribute, so the pattern starts after it.
        rules: [{ kind: 'pattern', file: 'Directory.Build.props', pattern: '>{version}</WasmtimeVersion>' }],
      },
      {
        name: 'rb',
        url: 'https://github.com/bytecodealliance/wasmtime-rb.git',
        rules: [
          { kind: 'cargo-pins', file: 'ext/Cargo.toml', crates: ['wasmtime', 'wasmtime-wasi', 'wasmtime-environ'] },
          { kind: 'pattern', file: 'lib/wasmtime/version.rb', pattern: 'VERSION = "{version}"' },
          { kind: 'lockfile', file: 'Gemfile.lock', format: 'gemfile', packages: ['wasmtime'] },
        ],
      },
      // wasmtime-cpp is not here: it moved into Wasmtime's own repository (#10582).
    ],
  },
};
