import { spawnSync } from 'node:child_process';
import { readNxJson, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflowGenerator } from './generator';

interface Step {
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: {
    schedule: Array<{ cron: string }>;
    workflow_dispatch: { inputs: Record<string, unknown> };
    workflow_run: { workflows: string[]; branches: string[] };
    push: { tags: string[] };
  };
  jobs: Record<string, Job>;
}
interface Job {
  if: string;
  needs?: string | string[];
  'runs-on': string;
  environment?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}

async function generate(pluginOptions?: Record<string, unknown>, schema = {}) {
  const tree = createTreeWithEmptyWorkspace();
  if (pluginOptions) {
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options: pluginOptions }] });
  }
  await ciWorkflowGenerator(tree, schema);
  const text = tree.read('.github/workflows/release-train.yml', 'utf8')!;
  return { text, wf: parse(text) as Workflow };
}

const runs = (wf: Workflow, job: string) =>
  wf.jobs[job].steps
    .map((s) => s.run)
    .filter(Boolean)
    .join('\n');

describe('ci-workflow generator', () => {
  it('schedules the cut on the 5th and release day on the 20th, and runs each step through nx', async () => {
    const { wf } = await generate();
    expect(wf.on.schedule.map((s) => s.cron)).toEqual(['0 12 5 * *', '0 12 20 * *']);
    expect(wf.jobs.cut.if).toContain("'0 12 5 * *'");
    expect(runs(wf, 'cut')).toContain('npx nx release-major --push');
    expect(wf.jobs['release-latest'].if).toContain("'0 12 20 * *'");
    expect(runs(wf, 'release-latest')).toContain('npx nx release-latest --push');
    expect(runs(wf, 'release-rc')).toContain('npx nx release-rc --target="$BRANCH" --push');
    // The tag job runs on the release commit with the default branch's tooling and settings
    // (a branch cut before adoption has neither), through the plain entry (no Nx there).
    expect(runs(wf, 'tag')).toContain('git show "origin/$DEFAULT_BRANCH:package-lock.json"');
    expect(runs(wf, 'tag')).toContain(
      '"$RUNNER_TEMP/release-tools"/node_modules/.bin/nx-release-train release-tag --branch="$BRANCH" --push --via=api --settings-from="origin/$DEFAULT_BRANCH"',
    );
    expect(wf.jobs.tag.if).toContain("conclusion == 'success'");
    expect(wf.on.workflow_run).toMatchObject({ workflows: ['CI'], branches: ['release-[0-9]+.[0-9]+.[0-9]+*'] });
    expect(wf.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+*']);
    expect(runs(wf, 'publish')).toContain('npx nx run-many -t publish');
    expect(runs(wf, 'artifacts-x86_64-linux')).toContain('npx nx release-artifacts --targets="$TARGET"');
    expect(wf.jobs['artifacts-x86_64-linux'].needs).toBe('publish');
    expect(wf.jobs['artifacts-x86_64-linux'].steps.find((s) => s.run?.includes('release-artifacts'))!.env).toEqual({ TARGET: 'x86_64-unknown-linux-gnu' });
  });

  it('offers every step as a manual dispatch, and each train step pushes with the release token', async () => {
    const { wf } = await generate();
    expect((wf.on.workflow_dispatch.inputs.action as { options: string[] }).options).toEqual(['release-patch', 'cut', 'release-rc', 'release-latest']);
    for (const job of ['cut', 'release-rc', 'release-latest', 'release-patch']) {
      expect(wf.jobs[job].permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
      const step = wf.jobs[job].steps.find((s) => s.run?.includes('npx nx release-'))!;
      expect(step.env!.GITHUB_TOKEN).toBe('${{ secrets.RELEASE_TOKEN || github.token }}');
    }
    // The token variable follows the githubTokenEnv setting.
    const named = (await generate({ githubTokenEnv: 'TRAIN_TOKEN' })).wf;
    expect(named.jobs.cut.steps.find((s) => s.run?.includes('release-major'))!.env).toEqual({ TRAIN_TOKEN: '${{ secrets.RELEASE_TOKEN || github.token }}' });
    // So does the release job: every command finds its token the same way.
    expect(named.jobs.assets.steps.find((s) => s.run?.includes('release-assets'))!.env!.TRAIN_TOKEN).toBe('${{ github.token }}');
  });

  it('tags only for push events of this repository, with the branch from the environment (the two defects)', async () => {
    const { wf } = await generate();
    expect(wf.jobs.tag.if).toContain("github.event.workflow_run.event == 'push'");
    expect(wf.jobs.tag.if).toContain('github.event.workflow_run.head_repository.full_name == github.repository');
    const step = wf.jobs.tag.steps.find((s) => s.run?.includes('release-tag'))!;
    expect(step.env!.BRANCH).toBe('${{ github.event.workflow_run.head_branch }}');
    expect(wf.jobs.tag.steps[0].with).toMatchObject({ ref: '${{ github.event.workflow_run.head_sha }}', 'persist-credentials': false });
    // No checkout anywhere leaves a token in .git/config.
    for (const [name, job] of Object.entries(wf.jobs)) {
      const checkouts = job.steps.filter((s) => s.uses?.startsWith('actions/checkout'));
      expect(checkouts.length, name).toBe(1);
      expect(checkouts[0].with!['persist-credentials'], name).toBe(false);
    }
  });

  it('publishes with an OIDC token in an environment, yanks superseded candidates, builds one artifact job per platform, publishes the release, then the bindings', async () => {
    const { wf } = await generate({
      artifacts: {
        builds: [
          { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-latest' },
          { target: 'aarch64-apple-darwin', runner: 'macos-14' },
        ],
      },
      bindings: { repos: [{ name: 'py', url: 'https://x/y.git', rules: [] }] },
    });
    expect(wf.jobs.publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(wf.jobs.publish.environment).toBe('publish');
    expect(runs(wf, 'publish').split('\n').at(-1)).toBe('npx nx run-many -t publish');
    expect(wf.jobs['artifacts-x86_64-linux']['runs-on']).toBe('ubuntu-latest');
    expect(wf.jobs['artifacts-aarch64-macos']['runs-on']).toBe('macos-14');
    expect(wf.jobs.assets.needs).toEqual(['artifacts-x86_64-linux', 'artifacts-aarch64-macos']);
    expect(wf.jobs.assets.steps.find((s) => s.run?.includes('release-assets'))!.env!.TARGETS).toBe('x86_64-unknown-linux-gnu,aarch64-apple-darwin');
    expect(wf.jobs.bindings.needs).toBe('assets');
    expect(runs(wf, 'bindings')).toBe('npm ci\nnpx nx release-bindings');
    // Without binding repositories, no bindings job.
    expect((await generate()).wf.jobs.bindings).toBeUndefined();
  });

  it('passes the patched line through the environment, checked, never as script text', async () => {
    const { wf, text } = await generate();
    expect(wf.on.workflow_dispatch.inputs).toHaveProperty('line');
    const step = wf.jobs['release-patch'].steps.find((s) => s.run?.includes('release-patch'))!;
    expect(step.env!.LINE).toBe('${{ inputs.line }}');
    expect(step.run).toContain('npx nx release-patch --target="$LINE" --push');
    expect(step.run).toContain('if ! [[ "$LINE" =~ ^([0-9]+(\\.[0-9]+)?\\.x|latest|supported)$ ]]; then');
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
    }
    expect(text).not.toMatch(/run:.*\$\{\{\s*inputs/);
  });

  it('runs the tag job after green CI runs of main too when main publishes its pre-releases (prereleasesFromMain)', async () => {
    const releaseOnly = (await generate({ prereleaseIdentifiers: ['alpha'] })).wf.on.workflow_run.branches;
    expect(releaseOnly).toHaveLength(1);
    const { wf } = await generate({ prereleaseIdentifiers: ['alpha'], prereleasesFromMain: true, mainBranch: 'trunk' });
    expect(wf.on.workflow_run.branches).toEqual([...releaseOnly, 'trunk']);
    // The branch still reaches release-tag through the environment, which decides what main may tag.
    expect(wf.jobs.tag.steps.find((s) => s.run?.includes('release-tag'))!.env!.BRANCH).toBe('${{ github.event.workflow_run.head_branch }}');
  });

  it('takes the token variable from the registry setting and the filters from the patterns', async () => {
    const { wf } = await generate({ registry: 'my-reg', tagPattern: 'release/v{version}', branchPattern: 'rel-{major}.{minor}' });
    const publish = wf.jobs.publish.steps.find((s) => s.run?.includes('run-many'))!;
    expect(publish.env!.CARGO_REGISTRIES_MY_REG_TOKEN).toBe('${{ secrets.CARGO_REGISTRIES_MY_REG_TOKEN }}');
    expect(wf.on.push.tags).toEqual(['release/v[0-9]+.[0-9]+.[0-9]+*']);
    expect(wf.on.workflow_run.branches).toEqual(['rel-[0-9]+.[0-9]+']);
    const crates = (await generate()).wf.jobs.publish.steps.find((s) => s.run?.includes('run-many'))!;
    expect(crates.env).toEqual({ CARGO_REGISTRY_TOKEN: '${{ secrets.CARGO_REGISTRY_TOKEN }}', CARGO_TRUST_TOKEN: '${{ secrets.CARGO_TRUST_TOKEN }}' });
  });

  it('yanks in a job of its own, with its own secret in the variable release-yank reads, that nothing waits for', async () => {
    const { wf } = await generate({ bindings: { repos: [{ name: 'py', url: 'https://x/y.git', rules: [] }] } });
    expect(runs(wf, 'yank')).toBe('npm ci\nnpx nx release-yank');
    expect(wf.jobs.yank.needs).toBe('publish');
    expect(wf.jobs.yank.steps.find((s) => s.run?.includes('release-yank'))!.env).toEqual({ CARGO_YANK_TOKEN: '${{ secrets.CARGO_YANK_TOKEN }}' });
    for (const [name, job] of Object.entries(wf.jobs)) expect([job.needs ?? []].flat(), name).not.toContain('yank');
    expect(runs(wf, 'publish')).not.toContain('release-yank');
    const custom = await generate({ yankTokenVariable: 'MY_YANK' }, { yankTokenSecret: 'YANKER' });
    expect(custom.wf.jobs.yank.steps.find((s) => s.run?.includes('release-yank'))!.env).toEqual({ MY_YANK: '${{ secrets.YANKER }}' });
  });

  it('groups runs per branch and per tag, so no pending tag run of another line is cancelled', async () => {
    const { text } = await generate();
    const wf = parse(text) as { concurrency: { group: string; 'cancel-in-progress': boolean } };
    expect(wf.concurrency).toEqual({ group: 'release-train-${{ github.event.workflow_run.head_branch || github.ref }}', 'cancel-in-progress': false });
    // The batch publish takes its parallelism from the publish target, not from Nx's --parallel.
    expect(text).not.toContain('--parallel');
  });

  it('refuses every setting or flag value that could add a key, a step or an expression, all in one go, writing nothing', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const options = {
      githubTokenEnv: 'GH: x\n      evil: y',
      artifacts: { builds: [{ target: 'aarch64-apple-darwin', runner: '${{ secrets.X }}' }], outputDir: 'dist/${{ github.head_ref }}' },
      branchPattern: 'release-$(id)-{version}',
      publishEnvironment: "prod'\n",
    };
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options }] });
    const failure = (await ciWorkflowGenerator(tree, { releaseTokenSecret: 'A.B' }).catch((e: unknown) => e)) as {
      problems: Array<{ message: string }>;
    };
    const messages = failure.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('setting "githubTokenEnv"');
    expect(messages).toContain('setting "artifacts.builds[0].runner"');
    expect(messages).toContain('setting "artifacts.outputDir"');
    expect(messages).toContain('setting "branchPattern"');
    expect(messages).toContain('setting "publishEnvironment"');
    expect(messages).toContain('--releaseTokenSecret');
    expect(failure.problems).toHaveLength(6);
    expect(tree.exists('.github/workflows/release-train.yml')).toBe(false);
  });

  it("checks release-rc's branch with the pattern's own expression, passed through the environment, never as script text", async () => {
    for (const [branchPattern, good, bad] of [
      ['rel/{major}.{minor}', ['rel/5.0', 'rel/0.14'], ['rel/', 'rel/5.x', 'rel/5.0-fix', 'main', 'xrel/5.0']],
      ['{major}.{minor}', ['0.14', '12.3'], ['main', '0.14.1', 'release-1.0', 'v1.2', '1.2/x']],
      ['release-{version}', ['release-49.0.0', 'release-50.0.0-rc.1'], ['release-49', 'release-49.0.0/x', 'release-x.y.z', 'main']],
    ] as const) {
      const { wf } = await generate({ branchPattern });
      const step = wf.jobs['release-rc'].steps.find((s) => s.run?.includes('release-rc'))!;
      const check = step.run!.slice(0, step.run!.indexOf('npx nx release-rc'));
      expect(check).not.toContain(branchPattern);
      // The step's own check, in real bash, with the environment the workflow gives it.
      const accepts = (branch: string) =>
        spawnSync('bash', ['--norc', '--noprofile', '-c', check], { env: { PATH: process.env.PATH, BRANCH: branch, RELEASE_BRANCH: step.env!.RELEASE_BRANCH } })
          .status === 0;
      for (const name of good) expect({ branchPattern, name, accepted: accepts(name) }).toEqual({ branchPattern, name, accepted: true });
      for (const name of bad) expect({ branchPattern, name, accepted: accepts(name) }).toEqual({ branchPattern, name, accepted: false });
    }
  });

  it('refuses a file name that is not one', async () => {
    await expect(generate({ releaseWorkflow: '../x.yml' })).rejects.toThrow(/releaseWorkflow/);
  });

  it('writes the file the releaseWorkflow setting names, its publish job in the publishEnvironment with the trust token, never on workflow_run or pull_request_target', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const options = { releaseWorkflow: 'publish.yaml', publishEnvironment: 'crates', trustTokenVariable: 'TRUST' };
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options }] });
    await ciWorkflowGenerator(tree, {});
    const wf = parse(tree.read('.github/workflows/publish.yaml', 'utf8')!) as Workflow;
    const job = wf.jobs.publish;
    expect(job.environment).toBe('crates');
    expect(job.if).toBe("github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')");
    for (const run of ['npx nx publish-plan', 'npx nx run-many -t publish']) {
      expect(job.steps.find((s) => s.run === run)!.env!.TRUST).toBe('${{ secrets.TRUST }}');
    }
  });
});
