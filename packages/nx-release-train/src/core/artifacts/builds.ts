/**
 * The artifact matrix (setting `artifacts.builds`): one entry per platform the release ships,
 * with the Rust target, the GitHub runner that builds it and how that job gets its toolchain.
 * The generated workflow writes one job per entry; `release-assets` expects every entry's
 * archives. Part of the one options schema (core/settings/schema.ts); the `wasmtime` preset
 * lists Wasmtime's 16 builds.
 */
import { z } from 'zod';
import { group, nonEmpty, optional, refuse, required, setting } from '../settings/define';

/** A Rust target triple: it becomes a job name part, an environment variable name part and a matrix value. */
export const TRIPLE = /^[a-z0-9_]+(-[a-z0-9_.]+){1,3}$/;
/** An environment variable name as a YAML key. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** An environment value written into the workflow: flags and paths, never an expression or a quote. */
export const ENV_VALUE = /^[A-Za-z0-9 _.,:=+/@%-]*$/;
/** A Debian package name (apt). */
const APT_PACKAGE = /^[a-z0-9][a-z0-9+.-]+$/;

const triple = nonEmpty.superRefine((v, ctx) => {
  if (!TRIPLE.test(v))
    refuse(ctx, `"${v}" is not a Rust target triple`, 'give a target as `rustc --print target-list` names it, e.g. "aarch64-unknown-linux-gnu"');
});

const imageRef = nonEmpty.superRefine((v, ctx) => {
  if (!/^[a-z0-9][a-z0-9._/:@-]*$/.test(v))
    refuse(ctx, `"${v}" is not a container image reference`, 'give an image as `docker pull` takes it, e.g. "quay.io/pypa/manylinux_2_28_x86_64"');
});

const toolchain = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: required(z.literal('rustup'), { doc: 'The runner builds the target itself: `rustup target add` is all it needs (the default).' }),
  }),
  z.strictObject({
    kind: required(z.literal('container'), {
      doc: 'The job runs in a container image (e.g. an old glibc for portable Linux binaries); the image provides git, curl and a C compiler, rustup is installed when absent.',
    }),
    image: required(imageRef, { doc: 'The image, as `docker pull` takes it.' }),
  }),
  z.strictObject({
    kind: required(z.literal('cross'), {
      doc: 'A cross C toolchain from apt (Ubuntu runners): its packages are installed and its compiler is the linker (`CARGO_TARGET_<TRIPLE>_LINKER`) and C compiler (`CC_<triple>`) of the target.',
    }),
    packages: required(
      z.array(nonEmpty).superRefine((list, ctx) => {
        for (const p of list)
          if (!APT_PACKAGE.test(p)) refuse(ctx, `"${p}" is not an apt package name`, 'give Debian package names, e.g. "gcc-s390x-linux-gnu"');
      }),
      { doc: 'apt packages, e.g. `gcc-s390x-linux-gnu`.' },
    ),
    linker: required(
      nonEmpty.superRefine((v, ctx) => {
        if (!/^[A-Za-z0-9_.+-]+$/.test(v)) refuse(ctx, `"${v}" is not a program name`, 'give the compiler the packages install, e.g. "s390x-linux-gnu-gcc"');
      }),
      { doc: 'The cross compiler the packages install, e.g. `s390x-linux-gnu-gcc`.' },
    ),
    image: optional(imageRef, {
      doc: "A Debian or Ubuntu image the job runs in, for binaries that need no newer glibc than the image's (e.g. `ubuntu:20.04`, glibc 2.31); apt installs git, curl, gcc and xz there besides `packages`. Without it, the runner's own (newer) glibc.",
    }),
  }),
  z.strictObject({
    kind: required(z.literal('android-ndk'), {
      doc: "The Android NDK of GitHub's Ubuntu runners (`ANDROID_NDK_LATEST_HOME`): its clang for `api` is the linker and C compiler, its llvm-ar the archiver.",
    }),
    api: required(z.number().int().min(21).max(99), { doc: 'Android API level the binaries need at least, e.g. 26.', expected: 'an integer from 21' }),
  }),
]);

/**
 * A Windows installer built beside the archives (Wasmtime ships `wasmtime-{tag}-x86_64-windows.msi`):
 * WiX makes it from the files of one of the build's archives, on a Windows host.
 */
const installer = z.strictObject({
  kind: required(z.literal('msi'), { doc: 'A Windows Installer package, built with WiX (v4 or later: `wix build`) on the Windows runner.' }),
  source: required(
    nonEmpty.superRefine((v, ctx) => {
      if (!/^[A-Za-z0-9_][A-Za-z0-9_./-]*\.wxs$/.test(v) || v.split('/').includes('..'))
        refuse(ctx, `"${v}" is not a .wxs file in the workspace`, 'give the WiX source relative to the workspace root, e.g. "ci/wasmtime.wxs"');
    }),
    {
      doc: "The WiX source (`.wxs`, WiX v4 schema or later: `wix convert` upgrades a v3 file), relative to the root. Its `File/@Source` paths name files as they are inside the archive (WiX's bind path is the archive's top directory); the numeric version is the preprocessor variable and environment variable `versionVariable`.",
    },
  ),
  archive: required(nonEmpty, {
    doc: 'The `name` of the archive in `artifacts.archives` whose files the installer holds; the `.msi` is named after it, e.g. `wasmtime-{tag}-{platform}` gives `wasmtime-v46.0.0-x86_64-windows.msi`.',
  }),
  extensions: optional(
    z.array(
      nonEmpty.superRefine((v, ctx) => {
        if (!/^[A-Za-z0-9_.]+\.wixext$/.test(v)) refuse(ctx, `"${v}" is not a WiX extension`, 'give its NuGet id, e.g. "WixToolset.Util.wixext"');
      }),
    ),
    { doc: 'WiX extensions the source uses, e.g. `WixToolset.Util.wixext` (the workflow installs them at the pinned WiX version).', expected: 'array' },
  ),
  versionVariable: optional(
    nonEmpty.superRefine((v, ctx) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) refuse(ctx, `"${v}" is not a variable name`, 'use letters, digits and _');
    }),
    { doc: 'Name under which the source gets the numeric version (`$(var.X)` and `$(env.X)`); default `Version`.' },
  ),
});

const artifactBuild = z.strictObject({
  target: required(triple, { doc: 'Rust target triple, e.g. `s390x-unknown-linux-gnu`; the archives are named after it (`<arch>-<os>`).' }),
  runner: required(nonEmpty, {
    doc: 'GitHub runner label, e.g. `ubuntu-24.04`; a label GitHub has retired is refused (core/runner-labels.ts).',
  }),
  toolchain: optional(toolchain, {
    doc: 'How the job gets what builds the target, by `kind`: `"rustup"` (the default: `rustup target add`); `"container"` with `image` (the job runs in it; git, curl and a C compiler inside); `"cross"` with apt `packages` and the `linker` they install (also the C compiler), optionally in an `image` (an old glibc); `"android-ndk"` with `api` (the runner\'s NDK clang).',
  }),
  env: optional(
    z.record(z.string(), z.string()).superRefine((env, ctx) => {
      for (const [name, value] of Object.entries(env)) {
        if (!ENV_NAME.test(name)) refuse(ctx, `has "${name}", not an environment variable name`, 'use names of capitals, digits and _');
        else if (!ENV_VALUE.test(value)) {
          refuse(
            ctx,
            `"${name}" is ${JSON.stringify(value)}, which has characters a workflow value must not`,
            'use letters, digits, spaces and _ . , : = + / @ % -',
          );
        }
      }
    }),
    { doc: 'Environment of the build step, e.g. `MACOSX_DEPLOYMENT_TARGET` or `RUSTFLAGS` (never secrets).', expected: 'object' },
  ),
  minimal: optional(z.boolean(), {
    doc: 'Also build the minimal twin (`artifacts.minimal`) in the same job and merge its files into the same archives, as Wasmtime ships its `-min` builds.',
  }),
  installer: optional(installer, {
    doc: 'An installer built beside the archives, attested and attached like them (with its `.sha256`): `{ "kind": "msi", "source": "<file>.wxs", "archive": "<archive name>" }`, on a Windows runner (WiX runs on Windows only).',
  }),
});

export type ArtifactBuild = z.output<typeof artifactBuild>;
export type Toolchain = z.output<typeof toolchain>;
export type Installer = z.output<typeof installer>;

export const buildsSetting = setting(
  z.array(artifactBuild).superRefine((builds, ctx) => {
    const seen = new Set<string>();
    for (const b of builds) {
      if (seen.has(b.target)) refuse(ctx, `lists ${b.target} twice`, 'keep one entry per target');
      seen.add(b.target);
    }
  }),
  [{ target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-latest' }],
  {
    doc: "The platforms the release ships, one workflow job each: target triple, runner label, toolchain (rustup, a container image, a cross linker from apt, the Android NDK) and build environment (the wasmtime preset lists Wasmtime's 16 builds).",
    expected: 'array',
  },
);

const toolchainName = z.string().superRefine((v, ctx) => {
  if (v && !/^[a-z0-9][a-z0-9.-]*$/.test(v)) refuse(ctx, `"${v}" is not a rustup toolchain name`, 'give one as `cargo +<toolchain>` takes it, e.g. "nightly"');
});

/**
 * The minimal twin of a build (`builds[].minimal`): its own cargo flags, features and
 * environment, its own target directory (`<target>/min`), its files merged into the same
 * archives: a binary beside the full one with `suffix` (`wasmtime-min`), and in an archive
 * with a library, the library and that archive's workspace files under `dir` (`min/lib`,
 * `min/include`), as ci/merge-artifacts.sh merges Wasmtime's `-min` builds.
 */
export const minimalSetting = group(
  {
    toolchain: setting(toolchainName, '', {
      doc: 'rustup toolchain of the minimal build (`cargo +<toolchain>`), e.g. `nightly` for `-Z` flags; empty: the default one. The generated job installs it with `rust-src`.',
    }),
    args: setting(z.array(nonEmpty), [], {
      doc: 'Extra cargo arguments of the minimal build, e.g. `--no-default-features` or `-Zbuild-std=std,panic_abort`.',
      expected: 'array',
    }),
    features: setting(
      z.record(z.string(), z.array(z.string())),
      {},
      { doc: 'Cargo features per crate for the minimal build (instead of `artifacts.features`).', expected: 'object' },
    ),
    env: setting(
      z.record(z.string(), z.string()),
      {},
      {
        doc: "Environment of the minimal build over `artifacts.buildEnv` and the job's, e.g. `CARGO_PROFILE_RELEASE_OPT_LEVEL=s`; its `RUSTFLAGS` come after the build's own (never secrets).",
        expected: 'object',
      },
    ),
    suffix: setting(nonEmpty, '-min', { doc: "Added to the minimal build's binary names (`wasmtime-min`, `wasmtime-min.exe`)." }),
    dir: setting(nonEmpty, 'min', { doc: "Directory of the minimal build's libraries (and their archive's workspace files) inside an archive." }),
  },
  { doc: "The minimal twin of the builds that set `minimal` (Wasmtime's `-min` builds)." },
);

export const reusableWorkflowSetting = setting(z.boolean(), false, {
  doc: 'The generated workflow puts the platform jobs in a reusable workflow of their own (`<name>-artifacts.yml`), so each attestation names it as builder and signer: SLSA v1.0 Build Level 3. Publishing stays in the top-level workflow.',
});

/** The target triples of the artifact matrix, in settings order. */
export function buildTargets(builds: readonly ArtifactBuild[]): string[] {
  return builds.map((b) => b.target);
}
