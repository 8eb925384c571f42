import { describe, expect, it } from 'vitest';
import { missingTrust, planTrust, trusts, untrustedEventProblem, workflowFileOfRef, type GithubConfig, type TrustTarget } from './trust-configs';

const target: TrustTarget = { repository: 'Org/Repo', workflow: 'release-train.yml', environment: 'publish' };
let id = 0;
const config = (over: Partial<GithubConfig> = {}): GithubConfig => ({
  id: ++id,
  crate: 'a',
  repository_owner: 'org',
  repository_name: 'repo',
  workflow_filename: 'release-train.yml',
  environment: 'publish',
  ...over,
});

describe('trusted-publishing configs', () => {
  it.each([
    ['the same (owner and name case-insensitive)', {}, true],
    ['no environment: any', { environment: null }, true],
    ['another workflow file', { workflow_filename: 'ci.yml' }, false],
    ['another environment', { environment: 'staging' }, false],
    ['another repository', { repository_name: 'fork' }, false],
  ])('trusts: %s', (_, over, expected) => {
    expect(trusts(config(over), target)).toBe(expected);
  });

  it('plans existing, missing and refused (5 configs, none for this workflow; a list that failed)', () => {
    const five = [1, 2, 3, 4, 5].map((i) => config({ workflow_filename: `w${i}.yml` }));
    const rows = planTrust(
      [
        { crate: 'a', configs: [config({ workflow_filename: 'x.yml' }), config()] },
        { crate: 'b', configs: [] },
        { crate: 'c', configs: five },
        { crate: 'd', configs: { error: 'HTTP 500' } },
      ],
      target,
    );
    expect(rows.map((r) => r.state)).toEqual(['existing', 'missing', 'full', 'unlisted']);
    expect(rows[3]).toMatchObject({ error: 'HTTP 500' });
  });

  it('lists every crate without a config trusting the run, with the fix', () => {
    const problems = missingTrust(
      [
        { crate: 'a', configs: [config()] },
        { crate: 'b', configs: [config({ workflow_filename: 'other.yml' })] },
        { crate: 'c', configs: [] },
        { crate: 'd', configs: [1, 2, 3, 4, 5].map((i) => config({ workflow_filename: `w${i}.yml` })) },
        { crate: 'e', configs: { error: 'HTTP 403: this token does not have the required permissions' } },
      ],
      target,
      'crates.io',
    );
    expect(problems.map((p) => p.crate)).toEqual(['b', 'c', 'd', 'e']);
    expect(problems[2].fix).toContain('d already has 5 trusted-publishing configs');
    expect(problems[3].message).toBe(
      'cannot list the trusted-publishing configs of e on crates.io: HTTP 403: this token does not have the required permissions',
    );
    expect(problems[0].message).toBe(
      'b has no trusted-publishing config on crates.io for this run (Org/Repo, workflow release-train.yml, environment publish): its upload would be refused',
    );
    expect(problems[0].fix).toContain('nx release-trust');
  });

  it.each([
    ['o/r/.github/workflows/release-train.yml@refs/tags/v1.0.0', 'release-train.yml'],
    ['o/r/.github/workflows/a.yaml@refs/heads/main', 'a.yaml'],
    ['release-train.yml', null],
  ])('workflow file of %s', (ref, file) => {
    expect(workflowFileOfRef(ref)).toBe(file);
  });

  it.each([
    ['workflow_run', true],
    ['pull_request_target', true],
    ['push', false],
    [undefined, false],
  ])('event %s refused: %s', (event, refused) => {
    expect(untrustedEventProblem(event, 'release-train.yml') !== null).toBe(refused);
  });
});
