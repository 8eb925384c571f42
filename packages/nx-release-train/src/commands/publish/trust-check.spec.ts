/** The trusted-publishing check of the preflight with a fake registry: no token, the workflow of GITHUB_WORKFLOW_REF. */
import { describe, expect, it } from 'vitest';
import { resolveGitHubTarget } from '../../core/github-target';
import { DEFAULT_OPTIONS } from '../../core/settings/options';
import type { Git } from '../../effects/git';
import type { RegistryServices } from '../../effects/registry-services';
import { trustConfigsClient } from '../../effects/trust-configs';
import { checkTrust, eventRefusal, type TrustCheckContext } from './trust-check';

function context(env: Record<string, string>, configs: Record<string, unknown[]> = {}): TrustCheckContext & { asked: string[] } {
  const asked: string[] = [];
  // The registry's answers: each crate's configs as listed.
  const fetchConfigs = (async (url: string) => {
    asked.push(String(url));
    const crate = new URL(String(url)).searchParams.get('crate') ?? '';
    return new Response(JSON.stringify({ github_configs: configs[crate] ?? [], meta: { total: 0, next_page: null } }));
  }) as typeof fetch;
  const registry: RegistryServices = {
    index: () => {
      throw new Error('not used');
    },
    apiUrl: async () => 'http://registry.test',
    trustConfigs: (apiUrl, token) => trustConfigsClient(apiUrl, token, fetchConfigs),
    fetch: () => Promise.reject(new Error('not used')),
  };
  return {
    asked,
    request: {
      variable: 'CARGO_TRUST_TOKEN',
      token: env.CARGO_TRUST_TOKEN,
      event: env.GITHUB_EVENT_NAME,
      workflowRef: env.GITHUB_WORKFLOW_REF,
      github: resolveGitHubTarget(DEFAULT_OPTIONS, env),
    },
    options: DEFAULT_OPTIONS,
    indexUrl: () => 'sparse+http://registry.test/index/',
    registry,
    git: { run: async () => ({ stdout: '', stderr: '', exitCode: 0 }) } as unknown as Git,
  };
}

const config = (workflow: string) => ({ id: 1, crate: 'a', repository_owner: 'o', repository_name: 'r', workflow_filename: workflow, environment: null });

describe('the trusted-publishing check', () => {
  it('without the token: not checked, said once, nothing asked', async () => {
    const ctx = context({ GITHUB_REPOSITORY: 'o/r' });
    const { problems, notes } = await checkTrust(ctx, ['a', 'b'], 'crates.io', false);
    expect(problems).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^trusted-publishing configs not checked: CARGO_TRUST_TOKEN is not set/)]);
    expect(ctx.asked).toEqual([]);
  });

  it("checks the workflow file of GITHUB_WORKFLOW_REF, not the setting's", async () => {
    const env = { GITHUB_REPOSITORY: 'o/r', CARGO_TRUST_TOKEN: 't', GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/custom.yml@refs/tags/v1' };
    const ctx = context(env, { a: [config('custom.yml')], b: [config('release-train.yml')] });
    const { problems } = await checkTrust(ctx, ['a', 'b'], 'crates.io', false);
    expect(problems.map((p) => p.crate)).toEqual(['b']);
    expect(problems[0].message).toContain('workflow custom.yml');
    expect(ctx.asked).toHaveLength(2);
  });

  it.each(['workflow_run', 'pull_request_target'])('refuses a %s run', (event) => {
    expect(eventRefusal(context({ GITHUB_EVENT_NAME: event }))?.message).toContain(`\`${event}\` event`);
  });
});
