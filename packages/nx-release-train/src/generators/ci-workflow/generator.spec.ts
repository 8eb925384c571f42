import { readNxJson, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflowGenerator } from './generator';

interface Step {
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: {
    schedule: Array<{ cron: string }>;
    workflow_dispatch: { inputs: Record<string, unknown> };
    workflow_run: { workflows: string[]; branches: string[] };
    push: { tags: string[] };
  };
  jobs: Record<string, { if: string; steps: Step[] }>;
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

const runs = (wf: Workflow, job: string) => wf.jobs[job].steps.map((s) => s.run).filter(Boolean).join('\n');

describe('ci-workflow generator', () => {
  it('schedules the cut on the 5th and release day on the 20th, and runs each step through nx', async () => {
    const { wf } = await generate();
    expect(wf.on.schedule.map((s) => s.cron)).toEqual(['0 12 5 * *', '0 12 20 * *']);
    expect(wf.jobs.cut.if).toContain("'0 12 5 * *'");
    expect(runs(wf, 'cut')).toContain('npx nx release-major --push');
    expect(wf.jobs['release-day'].if).toContain("'0 12 20 * *'");
    expect(runs(wf, 'release-day')).toContain('npx nx release-latest --push');
    expect(runs(wf, 'tag')).toContain('npx nx release-tag --push');
    expect(wf.jobs.tag.if).toContain("conclusion == 'success'");
    expect(wf.on.workflow_run).toMatchObject({ workflows: ['CI'], branches: ['release-*'] });
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(runs(wf, 'publish')).toContain('npx nx run-many -t publish');
    expect(runs(wf, 'artifacts')).toContain('npx nx release-artifacts');
    expect((wf.jobs.artifacts as { needs?: string }).needs).toBe('publish');
    expect(wf.jobs.artifacts.steps.find((s) => s.run?.includes('release-artifacts'))!.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
  });

  it('passes the patched line through the environment, checked, never as script text', async () => {
    const { wf, text } = await generate();
    expect(wf.on.workflow_dispatch.inputs).toHaveProperty('line');
    const step = wf.jobs.patch.steps.find((s) => s.run?.includes('release-patch'))!;
    expect(step.env).toEqual({ LINE: '${{ inputs.line }}' });
    expect(step.run).toContain('npx nx release-patch --target="$LINE" --push');
    expect(step.run).toMatch(/\[\[ "\$LINE" =~ \^\[0-9\]\+\\\.x\$ \]\]/);
    for (const job of Object.values(wf.jobs)) {
      for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
    }
    expect(text).not.toMatch(/run:.*\$\{\{\s*inputs/);
  });

  it('takes the token variable from the registry setting and the filters from the patterns', async () => {
    const { wf } = await generate({ registry: 'my-reg', tagPattern: 'release/v{version}', branchPattern: 'rel-{major}.{minor}' });
    const publish = wf.jobs.publish.steps.find((s) => s.run?.includes('run-many'))!;
    expect(publish.env).toEqual({ CARGO_REGISTRIES_MY_REG_TOKEN: '${{ secrets.CARGO_REGISTRIES_MY_REG_TOKEN }}' });
    expect(wf.on.push.tags).toEqual(['release/v*']);
    expect(wf.on.workflow_run.branches).toEqual(['rel-*']);
    const crates = (await generate()).wf.jobs.publish.steps.find((s) => s.run?.includes('run-many'))!;
    expect(crates.env).toEqual({ CARGO_REGISTRY_TOKEN: '${{ secrets.CARGO_REGISTRY_TOKEN }}' });
  });

  it('refuses a file name that is not one', async () => {
    await expect(generate(undefined, { name: '../x' })).rejects.toThrow(/--name "..\/x"/);
  });
});
