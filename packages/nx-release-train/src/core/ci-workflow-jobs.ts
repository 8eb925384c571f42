/**
 * The jobs a release tag starts: publishing (trusted publishing: an OIDC token and an
 * environment), the yank of superseded candidates, the archives built by one job per
 * platform, one job checking every expected asset, then the binding repositories.
 */
import type { CiWorkflowOptions } from './ci-workflow';
import { q } from './yaml-quote';

export type Lines = string[];

/**
 * Checkout (whole history, no token left in .git/config: the plugin gives git its token
 * through a credential helper), Node and the locked dependencies.
 */
export function setupSteps(nodeVersion: string, ref?: string): Lines {
  return [
    '      - uses: actions/checkout@v4',
    '        with:',
    ...(ref ? [`          ref: ${ref}`] : []),
    '          fetch-depth: 0',
    '          persist-credentials: false',
    '      - uses: actions/setup-node@v4',
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
  const platforms = o.platforms.map((p) => `          - { target: ${q(p.target)}, runner: ${q(p.runner)} }`);
  return [
    ...tagJob(
      'publish',
      onTag,
      ['    runs-on: ubuntu-latest', `    environment: ${q(o.publishEnvironment)}`, '    permissions:', '      contents: read', '      id-token: write'],
      [
        ...setupSteps(o.nodeVersion),
        rust,
        // The plan reads the same token as the upload, so it shows the authentication the upload
        // will use (with it unset, the job's OIDC pair would make it plan trusted publishing).
        '      - name: Show the publish plan',
        '        env:',
        registryToken,
        '        run: npx nx publish-plan',
        '      - name: Publish every crate in dependency order (a rerun resumes)',
        '        env:',
        registryToken,
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
    ...tagJob(
      'artifacts',
      onTag,
      [
        '    needs: publish',
        '    runs-on: ${{ matrix.runner }}',
        '    permissions:',
        '      contents: write',
        '    strategy:',
        '      fail-fast: false',
        '      matrix:',
        '        include:',
        ...platforms,
      ],
      [
        ...setupSteps(o.nodeVersion),
        rust,
        "      - name: Build this platform's archives and attach them to the release (identical assets are kept)",
        '        env:',
        `          ${o.githubTokenEnv}: \${{ github.token }}`,
        '          TARGET: ${{ matrix.target }}',
        '        run: |',
        '          rustup target add "$TARGET"',
        '          npx nx release-artifacts --targets="$TARGET"',
      ],
    ),
    ...tagJob(
      'assets',
      onTag,
      ['    needs: artifacts', '    runs-on: ubuntu-latest'],
      [
        ...setupSteps(o.nodeVersion),
        "      - name: Check that every platform's archives are on the release with their checksums",
        '        env:',
        `          ${o.githubTokenEnv}: \${{ github.token }}`,
        `          TARGETS: ${q(o.platforms.map((p) => p.target).join(','))}`,
        '        run: npx nx release-assets --targets="$TARGETS"',
      ],
    ),
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
