/**
 * Wasmtime's settings, written into nx.json by `nx g nx-release-train:init --preset=wasmtime`.
 * Pure configuration: the plugin's code knows no crate name; everything Wasmtime-specific
 * lives here.
 */
import type { ReleaseTrainOptions } from '../core/settings/options';

const crtStatic = { RUSTFLAGS: '-Ctarget-feature=+crt-static' };
const macos = { MACOSX_DEPLOYMENT_TARGET: '10.12' };
/**
 * The image of the cross-compiled glibc builds: Ubuntu 20.04's glibc 2.31, so the binaries run on
 * distributions that old (the runner's 24.04 would ask for 2.39). Wasmtime's own images
 * (ci/docker/<build>) start from ubuntu:16.04 (glibc 2.23), but the job's actions run Node 24 in
 * the container, which needs glibc 2.28 or later; 20.04 is the oldest Ubuntu with that whose
 * archive still serves its cross gcc packages.
 */
const OLD_GLIBC_IMAGE = 'ubuntu:20.04';
const cross = (arch: string, gnu = `${arch}-linux-gnu`) => ({ kind: 'cross' as const, packages: [`gcc-${gnu}`], linker: `${gnu}-gcc`, image: OLD_GLIBC_IMAGE });

/**
 * Wasmtime's 16 release builds (ci/build-build-matrix.js), on runners current in 2026. Where
 * Wasmtime builds in Docker images of its own (ci/docker/<build>), the jobs here use: for
 * x86_64-linux a public old-glibc image (manylinux_2_28: AlmaLinux 8, glibc 2.28) so the binaries
 * run on old distributions; for the other glibc Linux targets Ubuntu's cross gcc in ubuntu:20.04
 * (glibc 2.31, above); for musl, musl-gcc on the runner (static: no glibc; aarch64 on the Arm
 * runner: apt has no aarch64 cross musl). The `-min` builds Wasmtime merges into the same
 * archives are not built.
 */
const WASMTIME_BUILDS = [
  { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: { kind: 'container' as const, image: 'quay.io/pypa/manylinux_2_28_x86_64' } },
  { target: 'aarch64-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: cross('aarch64') },
  { target: 's390x-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: cross('s390x') },
  { target: 'riscv64gc-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: cross('riscv64') },
  { target: 'x86_64-apple-darwin', runner: 'macos-15', env: macos },
  { target: 'aarch64-apple-darwin', runner: 'macos-15', env: macos },
  {
    target: 'x86_64-pc-windows-msvc',
    runner: 'windows-2025',
    env: crtStatic,
    // wasmtime-{tag}-x86_64-windows.msi, from the CLI archive's files, as ci/build-tarballs.sh
    // makes it (WiX; numeric version in WT_VERSION). ci/wasmtime.wxs is still a WiX v3 source
    // naming target\release\wasmtime.exe: `wix convert` it and name the files as the archive has
    // them (wasmtime.exe, LICENSE, README.md) for this build to make it.
    installer: {
      kind: 'msi' as const,
      source: 'ci/wasmtime.wxs',
      archive: 'wasmtime-{tag}-{platform}',
      extensions: ['WixToolset.Util.wixext'],
      versionVariable: 'WT_VERSION',
    },
  },
  { target: 'x86_64-pc-windows-gnu', runner: 'windows-2025', env: crtStatic },
  {
    target: 'aarch64-linux-android',
    runner: 'ubuntu-24.04',
    toolchain: { kind: 'android-ndk' as const, api: 26 },
    // Android 15 devices with 16 KiB pages load only binaries aligned for them.
    env: { RUSTFLAGS: '-Clink-arg=-z -Clink-arg=max-page-size=16384' },
  },
  { target: 'x86_64-linux-android', runner: 'ubuntu-24.04', toolchain: { kind: 'android-ndk' as const, api: 26 } },
  { target: 'x86_64-unknown-linux-musl', runner: 'ubuntu-24.04', toolchain: { kind: 'cross' as const, packages: ['musl-tools'], linker: 'musl-gcc' } },
  { target: 'aarch64-unknown-linux-musl', runner: 'ubuntu-24.04-arm', toolchain: { kind: 'cross' as const, packages: ['musl-tools'], linker: 'musl-gcc' } },
  { target: 'aarch64-pc-windows-msvc', runner: 'windows-2025', env: crtStatic },
  { target: 'i686-unknown-linux-gnu', runner: 'ubuntu-24.04', toolchain: cross('i686') },
  { target: 'armv7-unknown-linux-gnueabihf', runner: 'ubuntu-24.04', toolchain: cross('arm', 'arm-linux-gnueabihf') },
  { target: 'i686-pc-windows-msvc', runner: 'windows-2025', env: crtStatic },
];

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
    builds: WASMTIME_BUILDS,
    // Wasmtime's `-min` twins, as ci/build-release-artifacts.sh builds them (nightly, std rebuilt,
    // size over speed) and ci/merge-artifacts.sh merges them (`wasmtime-min`, the C API's `min/`).
    // Off in the builds (set `"minimal": true` on a build to add its twin): each job then builds
    // twice, and needs the nightly toolchain the generated job installs.
    minimal: {
      toolchain: 'nightly',
      args: ['-Zbuild-std=std,panic_abort', '--no-default-features', '-Zbuild-std-features=std_detect_dlsym_getauxval'],
      features: { 'wasmtime-cli': ['disable-logging', 'run'], 'wasmtime-c-api': ['disable-logging'] },
      env: {
        CARGO_PROFILE_RELEASE_OPT_LEVEL: 's',
        RUSTFLAGS: '-Zlocation-detail=none',
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1',
        CARGO_PROFILE_RELEASE_LTO: 'true',
      },
      suffix: '-min',
      dir: 'min',
    },
    // Wasmtime's own release attests in its top-level workflow (SLSA Build Level 2); true gives Level 3.
    reusableWorkflow: false,
    targets: [],
    outputDir: 'dist',
    compression: 9,
    releaseName: '{tag}',
  },
  // The release goes to the repository the job runs in (GITHUB_REPOSITORY, set by GitHub
  // Actions), like the train's pull requests: no setting names it.
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
