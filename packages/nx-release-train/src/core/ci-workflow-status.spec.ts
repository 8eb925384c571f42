import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflow, type CiWorkflowOptions } from './ci-workflow';

const options: CiWorkflowOptions = {
  cutDay: 5,
  releaseDay: 20,
  hour: 12,
  ciWorkflow: 'CI',
  releaseBranches: 'release-*',
  releaseBranchEre: '^release-[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$',
  tagPattern: 'v*',
  nodeVersion: '22',
  tokenEnv: 'CARGO_REGISTRY_TOKEN',
  tokenSecret: 'CARGO_REGISTRY_TOKEN',
  yankTokenEnv: 'CARGO_YANK_TOKEN',
  yankTokenSecret: 'CARGO_YANK_TOKEN',
  githubTokenEnv: 'GITHUB_TOKEN',
  releaseTokenSecret: 'RELEASE_TOKEN',
  bindingsTokenSecret: 'BINDINGS_TOKEN',
  publishEnvironment: 'publish',
  trustTokenEnv: 'CARGO_TRUST_TOKEN',
  trustTokenSecret: 'CARGO_TRUST_TOKEN',
  builds: [{ target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-latest', platform: 'x86_64-linux' }],
  outputDir: 'dist',
  bindings: false,
};

interface Job {
  needs?: string[];
  if?: string;
  permissions?: Record<string, string>;
  steps: Array<{ run?: string; env?: Record<string, string> }>;
}
const jobs = (o: CiWorkflowOptions) => (parse(ciWorkflow(o)) as { jobs: Record<string, Job> }).jobs;

describe('the status job of the generated workflow', () => {
  it('runs release-status --issue --summary after every step of the train (not the yank, which nothing waits for), whichever ran, with issues: write only', () => {
    const all = jobs(options);
    const status = all.status;
    expect(status.needs).toEqual(Object.keys(all).filter((j) => j !== 'status' && j !== 'yank'));
    expect(status.needs).toContain('publish');
    expect(status.if).toBe('always()');
    expect(status.permissions).toEqual({ contents: 'read', issues: 'write', 'pull-requests': 'read' });
    const step = status.steps.find((s) => s.run?.includes('release-status'))!;
    expect(step.run).toBe('npx nx release-status --issue --summary');
    expect(step.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
  });

  it('waits for the bindings job too when there is one, and gives the token under githubTokenEnv', () => {
    const all = jobs({ ...options, bindings: true, githubTokenEnv: 'RELEASE_TOKEN' });
    expect(all.status.needs).toContain('bindings');
    expect(all.status.needs).toEqual(Object.keys(all).filter((j) => j !== 'status' && j !== 'yank'));
    expect(all.status.steps.at(-1)!.env).toEqual({ RELEASE_TOKEN: '${{ github.token }}' });
  });
});
