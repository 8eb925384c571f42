/**
 * The release archives in the generated workflow, as Wasmtime's release runs: one job per
 * platform (setting `artifacts.builds`) builds its archives and `.sha256` files
 * (`nx release-artifacts`, which never touches GitHub), attests each of them and hands them on as
 * a workflow artifact; one job after all of them downloads every platform's files and publishes
 * the GitHub release once, with all of them (`nx release-assets`: a draft, uploaded, checked,
 * published). Only the platform jobs may write attestations; only the last one writes the release.
 */
import type { ArtifactBuild } from './artifacts/builds';
import { ACTIONS, WIX_VERSION } from './ci-workflow-actions';
import { q } from './yaml-quote';

type Lines = string[];

/** A platform job's build: the setting plus its archive platform name (`x86_64-linux`). */
export interface WorkflowBuild extends ArtifactBuild {
  platform: string;
  /** With `minimal`: the rustup toolchain of its twin (`artifacts.minimal.toolchain`; '' the default one). */
  minimalToolchain?: string;
}

/** Both workflow files: read-only job tokens unless a job says more, and bash on every runner. */
export const WORKFLOW_DEFAULTS: Lines = ['permissions:', '  contents: read', '', 'defaults:', '  run:', '    shell: bash', ''];

/** The job of one platform; its workflow artifact has the same name. */
export const artifactJobName = (platform: string) => `artifacts-${platform}`;

/** `CARGO_TARGET_S390X_UNKNOWN_LINUX_GNU_LINKER` and `CC_s390x_unknown_linux_gnu` for a triple. */
export function targetVariables(target: string): { linker: string; cc: string; ar: string } {
  const under = target.replace(/[-.]/g, '_');
  return { linker: `CARGO_TARGET_${under.toUpperCase()}_LINKER`, cc: `CC_${under}`, ar: `AR_${under}` };
}

/**
 * Rust with the target; rustup itself is installed when the job runs in a container image
 * without it (the hosted runners have it).
 */
function rustSteps(b: WorkflowBuild): Lines {
  return [
    `      - name: Rust for ${b.target}`,
    '        env:',
    `          TARGET: ${q(b.target)}`,
    '        run: |',
    '          if ! command -v rustup >/dev/null; then',
    "            curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --default-toolchain none",
    '            echo "$HOME/.cargo/bin" >> "$GITHUB_PATH"',
    '            export PATH="$HOME/.cargo/bin:$PATH"',
    '          fi',
    '          rustup toolchain install stable --profile minimal && rustup default stable',
    '          rustup target add "$TARGET"',
    // The minimal twin's toolchain, with the standard library's source for -Zbuild-std.
    ...(b.minimal && b.minimalToolchain
      ? [`          rustup toolchain install ${b.minimalToolchain} --profile minimal --component rust-src --target "$TARGET"`]
      : []),
  ];
}

/** What a bare Debian or Ubuntu image lacks for the job: checkout's git, rustup's curl, build scripts' gcc, xz for the archives. */
const IMAGE_BASICS = 'ca-certificates curl git gcc libc6-dev xz-utils';

/** The image the job runs in: a `container` toolchain's, or a `cross` toolchain's old-glibc one. */
function jobImage(b: WorkflowBuild): string | undefined {
  const tc = b.toolchain;
  return tc?.kind === 'container' || tc?.kind === 'cross' ? tc.image : undefined;
}

/**
 * What the toolchain needs on the runner (`first`: before checkout, which needs git in an
 * image), the variables the build step gets from it, and what its script does before the build.
 */
function toolchainSteps(b: WorkflowBuild): { first: Lines; steps: Lines; env: Lines; prelude: Lines } {
  const tc = b.toolchain ?? { kind: 'rustup' };
  const vars = targetVariables(b.target);
  if (tc.kind === 'cross') {
    const install = [
      '        env:',
      `          PACKAGES: ${q(tc.image ? `${IMAGE_BASICS} ${tc.packages.join(' ')}` : tc.packages.join(' '))}`,
      // In an image the job is root and apt must not ask (tzdata); on the runner, sudo.
      ...(tc.image
        ? ['          DEBIAN_FRONTEND: noninteractive', '        run: apt-get update && apt-get install -y --no-install-recommends $PACKAGES']
        : ['        run: sudo apt-get update && sudo apt-get install -y --no-install-recommends $PACKAGES']),
    ];
    const name = `      - name: Cross C toolchain for ${b.target}${tc.image ? ` and the job's tools, in ${tc.image}` : ''}`;
    return {
      first: tc.image ? [name, ...install] : [],
      steps: tc.image ? [] : [name, ...install],
      env: [`          ${vars.linker}: ${q(tc.linker)}`, `          ${vars.cc}: ${q(tc.linker)}`],
      prelude: [],
    };
  }
  if (tc.kind === 'android-ndk') {
    // The NDK's location is only known on the runner: the build step's script sets the
    // variables from it (named in its environment), nothing passes through GITHUB_ENV.
    const clang = `${b.target.replace(/^armv7-/, 'armv7a-')}${tc.api}-clang`;
    return {
      first: [],
      steps: [],
      env: [`          CLANG: ${q(clang)}`, `          LINKER_VAR: ${q(vars.linker)}`, `          CC_VAR: ${q(vars.cc)}`, `          AR_VAR: ${q(vars.ar)}`],
      prelude: [
        '          bin="$ANDROID_NDK_LATEST_HOME/toolchains/llvm/prebuilt/linux-x86_64/bin"',
        '          test -x "$bin/$CLANG" || { echo "::error::$bin/$CLANG not found: is the API level right?"; exit 1; }',
        '          export "$LINKER_VAR=$bin/$CLANG" "$CC_VAR=$bin/$CLANG" "$AR_VAR=$bin/llvm-ar"',
      ],
    };
  }
  return { first: [], steps: [], env: [], prelude: [] };
}

/**
 * WiX for a build with an installer (`release-artifacts` runs `wix build` after the archives),
 * pinned, with the extensions its source uses; its tools directory joins PATH for later steps.
 */
function installerSteps(b: WorkflowBuild): Lines {
  if (!b.installer) return [];
  const extensions = (b.installer.extensions ?? []).map((e) => `${e}/${WIX_VERSION}`).join(' ');
  return [
    `      - name: WiX ${WIX_VERSION} for the ${b.platform} .msi`,
    '        env:',
    `          EXTENSIONS: ${q(extensions)}`,
    '        run: |',
    `          dotnet tool install --global wix --version ${WIX_VERSION}`,
    '          tools="$(cygpath -u "$USERPROFILE")/.dotnet/tools"',
    // Later steps (release-artifacts runs wix through Node) search PATH the Windows way.
    '          cygpath -w "$tools" >> "$GITHUB_PATH"',
    '          for e in $EXTENSIONS; do "$tools/wix" extension add -g "$e"; done',
  ];
}

/**
 * One platform's job: build, attest every file it made, hand them to the release job. Without
 * `onTag` it is a job of the reusable workflow, whose caller job holds the condition.
 */
export function artifactJob(b: WorkflowBuild, o: { onTag?: string; outputDir: string; setup: Lines }): Lines {
  const name = artifactJobName(b.platform);
  const files = `${o.outputDir}/*`;
  const tc = toolchainSteps(b);
  const image = jobImage(b);
  const container = image ? ['    container:', `      image: ${q(image)}`] : [];
  // The checkout belongs to the runner's user, the job in an image runs as root: git must be told it is safe.
  const safe = image
    ? ['      - name: The checkout is safe for git in the container', '        run: git config --global --add safe.directory "$GITHUB_WORKSPACE"']
    : [];
  return [
    `  ${name}:`,
    ...(o.onTag ? [`    if: ${o.onTag}`, '    needs: publish'] : []),
    `    runs-on: ${q(b.runner)}`,
    ...container,
    // The attestation is signed with the job's OIDC identity and stored with the repository.
    '    permissions:',
    '      contents: read',
    '      id-token: write',
    '      attestations: write',
    '    steps:',
    ...tc.first,
    ...o.setup,
    ...safe,
    ...rustSteps(b),
    ...tc.steps,
    ...installerSteps(b),
    `      - name: Build the ${b.platform} ${b.installer ? `archives, ${b.installer.kind} installer` : 'archives'} and their checksums`,
    '        env:',
    `          TARGET: ${q(b.target)}`,
    ...tc.env,
    ...Object.entries(b.env ?? {}).map(([k, v]) => `          ${k}: ${q(v)}`),
    ...(tc.prelude.length
      ? ['        run: |', ...tc.prelude, '          npx nx release-artifacts --targets="$TARGET"']
      : ['        run: npx nx release-artifacts --targets="$TARGET"']),
    '      - name: Attest every archive, installer and checksum file (gh attestation verify <file> --repo <owner/name>)',
    `        uses: ${ACTIONS.attestBuildProvenance}`,
    '        with:',
    `          subject-path: ${q(files)}`,
    `      - uses: ${ACTIONS.uploadArtifact}`,
    '        with:',
    `          name: ${q(name)}`,
    `          path: ${q(files)}`,
    '          if-no-files-found: error',
    '',
  ];
}

/**
 * After every platform job: their files in the output directory, then the release published
 * once with all of them (a draft, uploaded, checked against the local files, published).
 */
export function releaseJob(builds: readonly WorkflowBuild[], o: { onTag: string; outputDir: string; setup: Lines; tokenEnv: string; needs: string[] }): Lines {
  return [
    '  assets:',
    `    if: ${o.onTag}`,
    `    needs: [${o.needs.join(', ')}]`,
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: write',
    '    steps:',
    ...o.setup,
    "      - name: Every platform's archives and checksums",
    `        uses: ${ACTIONS.downloadArtifact}`,
    '        with:',
    `          pattern: ${q(`${artifactJobName('')}*`)}`,
    '          merge-multiple: true',
    `          path: ${q(o.outputDir)}`,
    '      - name: Publish the GitHub release with every archive (a draft, uploaded and checked, then published once)',
    '        env:',
    `          ${o.tokenEnv}: \${{ github.token }}`,
    `          TARGETS: ${q(builds.map((b) => b.target).join(','))}`,
    '        run: npx nx release-assets --targets="$TARGETS"',
    '',
  ];
}

/**
 * SLSA Build Level 3 (setting `artifacts.reusableWorkflow`): the platform jobs in a reusable
 * workflow of their own, so each attestation names that workflow as its builder and signer
 * (`gh attestation verify --signer-workflow`). The top-level workflow calls it with the
 * permissions to attest; publishing stays there (crates.io's trusted publishing names that file).
 */
export function callerJob(file: string, onTag: string): Lines {
  return [
    '  artifacts:',
    `    if: ${onTag}`,
    '    needs: publish',
    '    permissions:',
    '      contents: read',
    '      id-token: write',
    '      attestations: write',
    `    uses: ./.github/workflows/${file}.yml`,
    '',
  ];
}

/** The reusable workflow `callerJob` calls: every platform job, nothing else. */
export function reusableArtifactsWorkflow(builds: readonly WorkflowBuild[], o: { outputDir: string; setup: Lines; caller: string }): string {
  return [
    `# Generated by \`nx g nx-release-train:ci-workflow\`: the release archives, called by ${o.caller}.yml on a`,
    '# release tag. Built, attested and handed on here, so each attestation names this workflow.',
    'name: Release archives',
    '',
    'on:',
    '  workflow_call:',
    '',
    ...WORKFLOW_DEFAULTS,
    'jobs:',
    ...builds.flatMap((b) => artifactJob(b, { outputDir: o.outputDir, setup: o.setup })),
  ].join('\n');
}
