/**
 * The release archives in the generated workflow, as Wasmtime's release runs: one job per
 * platform (setting `artifacts.builds`) builds its archives and `.sha256` files
 * (`nx release-artifacts`, which never touches GitHub), attests each of them and hands them on as
 * a workflow artifact; one job after all of them downloads every platform's files and publishes
 * the GitHub release once, with all of them (`nx release-assets`: a draft, uploaded, checked,
 * published). Only the platform jobs may write attestations; only the last one writes the release.
 */
import type { ArtifactBuild } from './artifacts/builds';
import { ACTIONS } from './ci-workflow-actions';
import { q } from './yaml-quote';

type Lines = string[];

/** A platform job's build: the setting plus its archive platform name (`x86_64-linux`). */
export interface WorkflowBuild extends ArtifactBuild {
  platform: string;
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
  ];
}

/**
 * What the toolchain needs on the runner, the variables the build step gets from it, and what
 * its script does before the build.
 */
function toolchainSteps(b: WorkflowBuild): { steps: Lines; env: Lines; prelude: Lines } {
  const tc = b.toolchain ?? { kind: 'rustup' };
  const vars = targetVariables(b.target);
  if (tc.kind === 'cross') {
    return {
      steps: [
        `      - name: Cross C toolchain for ${b.target}`,
        '        env:',
        `          PACKAGES: ${q(tc.packages.join(' '))}`,
        '        run: sudo apt-get update && sudo apt-get install -y --no-install-recommends $PACKAGES',
      ],
      env: [`          ${vars.linker}: ${q(tc.linker)}`, `          ${vars.cc}: ${q(tc.linker)}`],
      prelude: [],
    };
  }
  if (tc.kind === 'android-ndk') {
    // The NDK's location is only known on the runner: the build step's script sets the
    // variables from it (named in its environment), nothing passes through GITHUB_ENV.
    const clang = `${b.target.replace(/^armv7-/, 'armv7a-')}${tc.api}-clang`;
    return {
      steps: [],
      env: [`          CLANG: ${q(clang)}`, `          LINKER_VAR: ${q(vars.linker)}`, `          CC_VAR: ${q(vars.cc)}`, `          AR_VAR: ${q(vars.ar)}`],
      prelude: [
        '          bin="$ANDROID_NDK_LATEST_HOME/toolchains/llvm/prebuilt/linux-x86_64/bin"',
        '          test -x "$bin/$CLANG" || { echo "::error::$bin/$CLANG not found: is the API level right?"; exit 1; }',
        '          export "$LINKER_VAR=$bin/$CLANG" "$CC_VAR=$bin/$CLANG" "$AR_VAR=$bin/llvm-ar"',
      ],
    };
  }
  return { steps: [], env: [], prelude: [] };
}

/**
 * One platform's job: build, attest every file it made, hand them to the release job. Without
 * `onTag` it is a job of the reusable workflow, whose caller job holds the condition.
 */
export function artifactJob(b: WorkflowBuild, o: { onTag?: string; outputDir: string; setup: Lines }): Lines {
  const name = artifactJobName(b.platform);
  const files = `${o.outputDir}/*`;
  const tc = toolchainSteps(b);
  const container = b.toolchain?.kind === 'container' ? ['    container:', `      image: ${q(b.toolchain.image)}`] : [];
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
    ...o.setup,
    ...rustSteps(b),
    ...tc.steps,
    `      - name: Build the ${b.platform} archives and their checksums`,
    '        env:',
    `          TARGET: ${q(b.target)}`,
    ...tc.env,
    ...Object.entries(b.env ?? {}).map(([k, v]) => `          ${k}: ${q(v)}`),
    ...(tc.prelude.length
      ? ['        run: |', ...tc.prelude, '          npx nx release-artifacts --targets="$TARGET"']
      : ['        run: npx nx release-artifacts --targets="$TARGET"']),
    '      - name: Attest every archive and checksum file (gh attestation verify <file> --repo <owner/name>)',
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
