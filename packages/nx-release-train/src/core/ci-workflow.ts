/**
 * The GitHub Actions workflow that runs the whole release train (SPEC §1, §4): the cut on the
 * cut day, release day, manual dispatches of each step, the tag after a green CI run of a
 * release branch, and on a tag: publishing, superseded candidates yanked, the release
 * archives built by one job per platform, a check of every asset, the binding repositories.
 * Pure: options in, YAML text out.
 *
 * Security, from a hostile review of the previous version: no user input is ever written into
 * a script (dispatch inputs and event fields reach scripts as environment variables, checked
 * first); the tag job runs only for `push` events of this repository (a fork's pull request
 * from a branch named `release-x` runs nothing with a token); the branch reaches
 * `release-tag` through the environment (a detached checkout names no branch); and no
 * checkout persists a token: the plugin hands its token to git through a credential helper.
 */
import { reusableArtifactsWorkflow, WORKFLOW_DEFAULTS, type WorkflowBuild } from './ci-workflow-artifacts';
import { jobNames, statusJob } from './ci-workflow-status';
import { jobsForTag, setupSteps, type Lines } from './ci-workflow-jobs';
import { BRANCH_FILTER, checkWorkflowValues, DIRECTORY, ENV_NAME, ENVIRONMENT, JOB_NAME, PLAIN, SECRET_NAME, type WorkflowValue } from './ci-workflow-values';
import { ENV_VALUE } from './artifacts/builds';
import type { Diagnostic } from './model';
import { retiredRunner } from './runner-labels';

export interface CiWorkflowOptions {
  /** Day of the month of the cut (`nx release-major`). */
  cutDay: number;
  /** Day of the month of release day (`nx release-latest`). */
  releaseDay: number;
  /** Hour (UTC) both scheduled jobs run. */
  hour: number;
  /** Name of the CI workflow whose green runs on release branches trigger the tag. */
  ciWorkflow: string;
  /** Branch pattern of release branches, as GitHub filters it. */
  releaseBranches: string;
  /** The same, as an anchored POSIX extended regular expression (release-rc's branch check). */
  releaseBranchEre: string;
  /** Main's name when main publishes its pre-releases (setting `prereleasesFromMain`): its green CI runs start the tag job too. */
  prereleaseMain?: string;
  /** Tag pattern that starts publishing, as GitHub filters it. */
  tagPattern: string;
  nodeVersion: string;
  /** The environment variable cargo reads the registry token from. */
  tokenEnv: string;
  /** The repository secret holding that token. */
  tokenSecret: string;
  /** The variable the plugin reads its GitHub token from (`githubTokenEnv`). */
  githubTokenEnv: string;
  /** Secret with a token whose pushes start workflows (a PAT or app token). */
  releaseTokenSecret: string;
  /** Secret with a token allowed to open pull requests in the binding repositories. */
  bindingsTokenSecret: string;
  /** The variable `release-yank` reads its token from (`yankTokenVariable`). */
  yankTokenEnv: string;
  /** Secret with a registry token that has the yank scope (never a trusted-publishing token). */
  yankTokenSecret: string;
  /** The deployment environment of the publish job (trusted publishing is bound to it; setting `publishEnvironment`). */
  publishEnvironment: string;
  /** The variable the publish preflight reads its trusted-publishing-scope token from (`trustTokenVariable`). */
  trustTokenEnv: string;
  /** The repository secret holding that token. */
  trustTokenSecret: string;
  /** One artifact job per build (setting `artifacts.builds`), with its archive platform name. */
  builds: WorkflowBuild[];
  /** Where the archives are written and collected (setting `artifacts.outputDir`). */
  outputDir: string;
  /** File name (without .yml) of the reusable workflow holding the platform jobs, when they go there. */
  reusableWorkflow?: string;
  /** True when binding repositories are configured. */
  bindings: boolean;
}

// In its own module so ci-workflow-jobs.ts quotes the same way without importing this file back.
import { q } from './yaml-quote';

/** A scheduled run of `cron`, or a manual dispatch choosing `action`. */
const scheduledOr = (cron: string, action: string) =>
  `(github.event_name == 'schedule' && github.event.schedule == ${q(cron)}) || (github.event_name == 'workflow_dispatch' && inputs.action == '${action}')`;
const dispatched = (action: string) => `github.event_name == 'workflow_dispatch' && inputs.action == '${action}'`;

/** A job that commits and proposes (pushes review branches, opens pull requests). */
function trainJob(nodeVersion: string, name: string, condition: string, steps: Lines): Lines {
  return [
    `  ${name}:`,
    `    if: ${condition}`,
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: write',
    '      pull-requests: write',
    '    steps:',
    ...setupSteps(nodeVersion),
    '      - name: Git identity for release commits',
    '        run: |',
    '          git config user.name "github-actions[bot]"',
    '          git config user.email "41898282+github-actions[bot]@users.noreply.github.com"',
    ...steps,
    '',
  ];
}

export function ciWorkflow(o: CiWorkflowOptions): string {
  checkWorkflowValues(workflowValues(o), retiredRunners(o));
  const cutCron = `0 ${o.hour} ${o.cutDay} * *`;
  const releaseCron = `0 ${o.hour} ${o.releaseDay} * *`;
  const onTag = "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')";
  const token = `          ${o.githubTokenEnv}: \${{ secrets.${o.releaseTokenSecret} || github.token }}`;
  const job = (name: string, condition: string, title: string, env: Lines, run: Lines) =>
    trainJob(o.nodeVersion, name, condition, [`      - name: ${title}`, '        env:', token, ...env, ...run]);
  const lines: Lines = [
    '# Generated by `nx g nx-release-train:ci-workflow`: the release train, driven by Nx.',
    '# Every step proposes its commit as a pull request; a maintainer reviews and merges it.',
    `# Pushes and pull requests use the ${o.releaseTokenSecret} secret (a PAT or app token) when set:`,
    "# what GitHub's own job token pushes or tags starts no other workflow.",
    'name: Release train',
    '',
    'on:',
    '  schedule:',
    `    - cron: ${q(cutCron)} # the monthly cut: branch the release, propose the bump of main`,
    `    - cron: ${q(releaseCron)} # release day: propose the dated RELEASES.md with the release marker`,
    '  workflow_dispatch:',
    '    inputs:',
    '      action:',
    '        description: What to run (release-rc runs on the release branch chosen above)',
    '        type: choice',
    '        options: [release-patch, cut, release-rc, release-latest]',
    '        default: release-patch',
    '      line:',
    "        description: 'release-patch: the line, e.g. 4.x, latest or supported'",
    '        type: string',
    '        required: false',
    '  workflow_run:',
    `    workflows: [${q(o.ciWorkflow)}]`,
    '    types: [completed]',
    `    branches: [${[o.releaseBranches, ...(o.prereleaseMain ? [o.prereleaseMain] : [])].map(q).join(', ')}]`,
    '  push:',
    `    tags: [${q(o.tagPattern)}]`,
    '',
    ...WORKFLOW_DEFAULTS,
    '# One run at a time per branch and per tag; a publish run is never cancelled halfway. A green',
    '# CI run of a release branch is grouped by that branch (its github.ref is the default branch),',
    '# so tag runs of several lines are never cancelled as pending runs of one group.',
    'concurrency:',
    '  group: release-train-${{ github.event.workflow_run.head_branch || github.ref }}',
    '  cancel-in-progress: false',
    '',
    'jobs:',
    ...job('cut', scheduledOr(cutCron, 'cut'), 'Cut the release branch and propose the bump', [], ['        run: npx nx release-major --push']),
    ...job(
      'release-rc',
      dispatched('release-rc'),
      'Propose the next release candidate of this release branch',
      ['          BRANCH: ${{ github.ref_name }}', `          RELEASE_BRANCH: ${q(o.releaseBranchEre)}`],
      [
        '        run: |',
        '          if ! [[ "$BRANCH" =~ $RELEASE_BRANCH ]]; then',
        '            echo "::error::release-rc runs on a release branch; choose one in \'Use workflow from\', not $BRANCH"',
        '            exit 1',
        '          fi',
        '          npx nx release-rc --target="$BRANCH" --push',
      ],
    ),
    ...job(
      'release-latest',
      scheduledOr(releaseCron, 'release-latest'),
      'Propose release day on the newest release branch',
      [],
      ['        run: npx nx release-latest --push'],
    ),
    ...job(
      'release-patch',
      dispatched('release-patch'),
      'Propose a patch release of the chosen line',
      ['          LINE: ${{ inputs.line }}'],
      [
        '        run: |',
        '          if ! [[ "$LINE" =~ ^([0-9]+(\\.[0-9]+)?\\.x|latest|supported)$ ]]; then',
        '            echo "::error::input line must look like 4.x, 0.93.x, latest or supported"',
        '            exit 1',
        '          fi',
        '          npx nx release-patch --target="$LINE" --push',
      ],
    ),
    '  # A green CI run of a commit pushed to a release branch of this repository: tag it when',
    '  # it is a release commit. Never for pull requests or forks (their code must not run here',
    '  # with a token), and the branch comes from the event through the environment.',
    ...(o.prereleaseMain ? [`  # ${o.prereleaseMain} too: it publishes its pre-releases (setting prereleasesFromMain).`] : []),
    '  tag:',
    "    if: github.event_name == 'workflow_run' && github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push' && github.event.workflow_run.head_repository.full_name == github.repository",
    '    runs-on: ubuntu-latest',
    '    env:',
    '      DEFAULT_BRANCH: ${{ github.event.repository.default_branch }}',
    '    permissions:',
    '      contents: write',
    '    steps:',
    ...tagSteps(o.nodeVersion, token),
    '',
    ...jobsForTag(o, onTag),
  ];
  // Nothing waits for the yank (its failure must hold nothing up): the status may show a
  // candidate not yanked yet, until the next run.
  lines.push(
    ...statusJob(
      o,
      jobNames(lines).filter((j) => j !== 'yank'),
    ),
  );
  return lines.join('\n');
}

/**
 * The tag job checks out the release commit, whose branch may predate the plugin (no nx.json,
 * no package.json): the tooling and the settings come from the default branch, the one place
 * the train is configured, and the plain entry `nx-release-train` runs without Nx there.
 */
function tagSteps(nodeVersion: string, token: string): Lines {
  const tools = '"$RUNNER_TEMP/release-tools"';
  return [
    ...setupSteps(nodeVersion, '${{ github.event.workflow_run.head_sha }}').filter((l) => !/cache: npm|run: npm ci/.test(l)),
    '      - name: Install the release tooling of the default branch (a branch cut before adoption has none)',
    '        run: |',
    `          mkdir -p ${tools}`,
    `          git show "origin/$DEFAULT_BRANCH:package.json" > ${tools}/package.json`,
    `          git show "origin/$DEFAULT_BRANCH:package-lock.json" > ${tools}/package-lock.json`,
    `          npm ci --prefix ${tools} --ignore-scripts`,
    '      - name: Tag the release commit (a ref made through the API starts the publish run)',
    '        env:',
    token,
    '          BRANCH: ${{ github.event.workflow_run.head_branch }}',
    '        run: |',
    `          ${tools}/node_modules/.bin/nx-release-train release-tag --branch="$BRANCH" --push --via=api --settings-from="origin/$DEFAULT_BRANCH"`,
  ];
}

/** Every setting or flag value the workflow is written from, with what it must be. */
function workflowValues(o: CiWorkflowOptions): WorkflowValue[] {
  const env = (value: string, from: string) => ({ value, from, pattern: ENV_NAME, expected: 'an environment variable name ([A-Z_][A-Z0-9_]*)' });
  const secret = (value: string, from: string) => ({ value, from, pattern: SECRET_NAME, expected: 'a secret name (letters, digits, _)' });
  return [
    env(o.tokenEnv, 'the registry token variable (setting "registry")'),
    env(o.githubTokenEnv, 'setting "githubTokenEnv"'),
    env(o.yankTokenEnv, 'setting "yankTokenVariable"'),
    env(o.trustTokenEnv, 'setting "trustTokenVariable"'),
    secret(o.tokenSecret, '--tokenSecret'),
    secret(o.releaseTokenSecret, '--releaseTokenSecret'),
    secret(o.bindingsTokenSecret, '--bindingsTokenSecret'),
    secret(o.yankTokenSecret, '--yankTokenSecret'),
    secret(o.trustTokenSecret, '--trustTokenSecret'),
    {
      value: o.publishEnvironment,
      from: 'setting "publishEnvironment"',
      pattern: ENVIRONMENT,
      expected: 'an environment name (letters, digits, spaces, _ . -)',
    },
    {
      value: o.releaseBranches,
      from: 'setting "branchPattern"',
      pattern: BRANCH_FILTER,
      expected: 'a branch name pattern (letters, digits, _ . / - and {placeholders})',
    },
    ...(o.prereleaseMain
      ? [{ value: o.prereleaseMain, from: 'setting "mainBranch"', pattern: BRANCH_FILTER, expected: 'a branch name (letters, digits, _ . / -)' }]
      : []),
    { value: o.tagPattern, from: 'setting "tagPattern"', pattern: BRANCH_FILTER, expected: 'a tag name pattern (letters, digits, _ . / - and {placeholders})' },
    { value: o.outputDir, from: 'setting "artifacts.outputDir"', pattern: DIRECTORY, expected: 'a directory relative to the root (letters, digits, _ . / -)' },
    ...o.builds.flatMap((b, i) => [
      { value: b.target, from: `setting "artifacts.builds[${i}].target"`, pattern: PLAIN, expected: 'a Rust target triple (letters, digits, _ . -)' },
      { value: b.runner, from: `setting "artifacts.builds[${i}].runner"`, pattern: PLAIN, expected: 'a runner label (letters, digits, _ . -)' },
      {
        value: b.platform,
        from: `the platform name of ${b.target} (setting "artifacts.platforms")`,
        pattern: JOB_NAME,
        expected: 'a job name part (a letter first, then letters, digits, _ -)',
      },
      ...Object.entries(b.env ?? {}).flatMap(([k, v]) => [
        env(k, `a key of setting "artifacts.builds[${i}].env"`),
        {
          value: v,
          from: `setting "artifacts.builds[${i}].env.${k}"`,
          pattern: ENV_VALUE,
          expected: 'a plain value (letters, digits, spaces, _ . , : = + / @ % -)',
        },
      ]),
    ]),
  ];
}

/** A job on a label GitHub has retired never starts: refused, with the label that replaces it. */
function retiredRunners(o: CiWorkflowOptions): Diagnostic[] {
  return o.builds.flatMap((b, i) => {
    const current = retiredRunner(b.runner);
    if (!current) return [];
    return [
      {
        level: 'error' as const,
        file: 'nx.json',
        message: `setting "artifacts.builds[${i}].runner" is "${b.runner}" (${b.target}), a runner label GitHub has retired: its job would never start`,
        fix: `use "${current}" (the retired labels and their replacements: core/runner-labels.ts)`,
      },
    ];
  });
}

/** The reusable workflow of the platform jobs (`reusableWorkflow` set), checked as the main one is. */
export function ciArtifactsWorkflow(o: CiWorkflowOptions, caller: string): string {
  checkWorkflowValues(workflowValues(o), retiredRunners(o));
  return reusableArtifactsWorkflow(o.builds, { outputDir: o.outputDir, setup: setupSteps(o.nodeVersion), caller });
}
