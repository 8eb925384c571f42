/**
 * The jobs a release tag starts: publishing (trusted publishing: an OIDC token and an
 * environment), the yank of superseded candidates, the archives built and attested by one job
 * per platform, one job publishing the release with all of them, then the binding repositories.
 */
import type { CiWorkflowOptions } from './ci-workflow';
import { ACTIONS } from './ci-workflow-actions';
import { artifactJob, artifactJobName, callerJob, releaseJob } from './ci-workflow-artifacts';
import { q } from './yaml-quote';

export type Lines = string[];

/**
 * Checkout (whole history, no token left in .git/config: the plugin gives git its token
 * through a credential helper), Node and the locked dependencies.
 */
export function setupSteps(nodeVersion: string, ref?: string): Lines {
  return [
    `      - uses: ${ACTIONS.checkout}`,
    '        with:',
    ...(ref ? [`          ref: ${ref}`] : []),
    '          fetch-depth: 0',
    '          persist-credentials: false',
    `      - uses: ${ACTIONS.setupNode}`,
    '        with:',
    `          node-version: ${q(nodeVersion)}`,
    '          cache: npm',
    '      - run: npm ci',
  ];
}

const rust = '      - run: rustup toolchain install stable --profile minimal && rustup default stable';

function tagJob(name: string, condition: string, head: Lines, steps: Lines): Lines {
  return [`  ${name}:`, `    if: ${condition}`, ...head, '    steps:', ...steps, ''];
}

/** The GitHub token goes in the variable the plugin reads it from (`githubTokenEnv`). */
export function jobsForTag(o: CiWorkflowOptions, onTag: string): Lines {
  const registryToken = `          ${o.tokenEnv}: \${{ secrets.${o.tokenSecret} }}`;
  const trustToken = `          ${o.trustTokenEnv}: \${{ secrets.${o.trustTokenSecret} }}`;
  return [
    ...tagJob(
      'publish',
      onTag,
      ['    runs-on: ubuntu-latest', `    environment: ${q(o.publishEnvironment)}`, '    permissions:', '      contents: read', '      id-token: write'],
      [
        ...setupSteps(o.nodeVersion),
        rust,
        // The plan reads the same token as the upload, so it shows the authentication the upload
        // will use (with it unset, the job's OIDC pair would make it plan trusted publishing), and
        // lists the trusted-publishing configs with their own token (trusted-publishing scope).
        '      - name: Show the publish plan',
        '        env:',
        registryToken,
        trustToken,
        '        run: npx nx publish-plan',
        '      - name: Publish every crate in dependency order (a rerun resumes)',
        '        env:',
        registryToken,
        trustToken,
        // The publish tasks run as one batch; its parallelism is the publish target's `concurrency`.
        '        run: npx nx run-many -t publish',
      ],
    ),
    // Its own job, its own secret (a yank-scoped token): nothing waits for it, so a failed yank
    // never holds back the artifacts, the asset check or the binding pull requests.
    ...tagJob(
      'yank',
      onTag,
      ['    needs: publish', '    runs-on: ubuntu-latest', '    permissions:', '      contents: read'],
      [
        ...setupSteps(o.nodeVersion),
        '      - name: Yank the release candidates this release supersedes',
        '        env:',
        `          ${o.yankTokenEnv}: \${{ secrets.${o.yankTokenSecret} }}`,
        '        run: npx nx release-yank',
      ],
    ),
    ...(o.reusableWorkflow
      ? callerJob(o.reusableWorkflow, onTag)
      : o.builds.flatMap((b) => artifactJob(b, { onTag, outputDir: o.outputDir, setup: setupSteps(o.nodeVersion) }))),
    ...releaseJob(o.builds, {
      onTag,
      outputDir: o.outputDir,
      setup: setupSteps(o.nodeVersion),
      tokenEnv: o.githubTokenEnv,
      needs: o.reusableWorkflow ? ['artifacts'] : o.builds.map((b) => artifactJobName(b.platform)),
    }),
    ...(o.bindings
      ? tagJob(
          'bindings',
          onTag,
          ['    needs: assets', '    runs-on: ubuntu-latest'],
          [
            ...setupSteps(o.nodeVersion),
            '      - name: Propose the new version to every binding repository',
            '        env:',
            `          ${o.githubTokenEnv}: \${{ secrets.${o.bindingsTokenSecret} }}`,
            '        run: npx nx release-bindings',
          ],
        )
      : []),
  ];
}
