/** The trusted-publishing configs API and crates.io's matching in the exchange, over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { type PublishMetadata } from './index-format';
import { startRegistry, type Registry } from './registry';
import { MISSING_SCOPE, trustedNotForCrate } from './trusted';
import { refusedEventMessage } from './trusted-configs';
import { encodeUpload } from './upload';

const meta = (name: string, vers: string): PublishMetadata => ({ name, vers, deps: [], features: {} });

let reg: Registry;
afterEach(() => reg?.stop());

const configsUrl = () => `${reg.url}/api/v1/trusted_publishing/github_configs`;
const detail = async (res: Response) => ((await res.json()) as { errors: Array<{ detail: string }> }).errors[0].detail;
const list = (crate: string, token = reg.trustToken) => fetch(`${configsUrl()}?crate=${crate}`, { headers: { authorization: token } });
const create = (crate: string, over: Record<string, unknown> = {}, token = reg.trustToken) =>
  fetch(configsUrl(), {
    method: 'POST',
    headers: { authorization: token },
    body: JSON.stringify({
      github_config: {
        crate,
        repository_owner: 'local',
        repository_name: 'workspace',
        workflow_filename: 'release-train.yml',
        environment: 'publish',
        ...over,
      },
    }),
  });
const put = (m: PublishMetadata, token: string) =>
  fetch(`${reg.url}/api/v1/crates/new`, { method: 'PUT', headers: { authorization: token }, body: encodeUpload(m, Buffer.from(`${m.name} ${m.vers}`)) });

/** An OIDC token for the issuer's current claims, exchanged: the answer. */
async function exchange(): Promise<Response> {
  const oidc = await fetch(`${reg.oidc.requestUrl}&audience=${new URL(reg.url).host}`, { headers: { authorization: `Bearer ${reg.oidc.requestToken}` } });
  const { value } = (await oidc.json()) as { value: string };
  return fetch(`${reg.url}/api/v1/trusted_publishing/tokens`, { method: 'POST', body: JSON.stringify({ jwt: value }) });
}

describe('trusted-publishing configs', () => {
  it('lists, creates and deletes with the trusted-publishing scope only, at most 5 per crate', async () => {
    reg = await startRegistry();
    reg.seed(meta('alpha', '1.0.0'), Buffer.from('a'));
    expect((await list('alpha', reg.token)).status).toBe(403);
    expect(await detail(await create('alpha', {}, reg.token))).toBe(MISSING_SCOPE);
    // The scoped token cannot publish.
    expect(await detail(await put(meta('alpha', '1.0.1'), reg.trustToken))).toBe(MISSING_SCOPE);
    expect((await list('nothing')).status).toBe(404);
    expect(await list('alpha').then((r) => r.json())).toEqual({ github_configs: [], meta: { total: 0, next_page: null } });

    const made = (await (await create('alpha')).json()) as { github_config: { id: number; workflow_filename: string; environment: string } };
    expect(made.github_config).toMatchObject({ crate: 'alpha', repository_owner: 'local', workflow_filename: 'release-train.yml', environment: 'publish' });
    for (let i = 2; i <= 5; i++) expect((await create('alpha', { workflow_filename: `w${i}.yml` })).status).toBe(200);
    const full = await create('alpha', { workflow_filename: 'w6.yml' });
    expect(full.status).toBe(409);
    expect(await detail(full)).toMatch(/maximum number of GitHub Trusted Publishing configurations \(5\)/);
    expect((await create('alpha', { workflow_filename: 'release' })).status).toBe(400);

    const del = await fetch(`${configsUrl()}/${made.github_config.id}`, { method: 'DELETE', headers: { authorization: reg.trustToken } });
    expect(del.status).toBe(204);
    const after = (await (await list('alpha')).json()) as { meta: { total: number } };
    expect(after.meta.total).toBe(4);
  });

  it('with trustedConfigs, the exchange matches repository, workflow file, environment and event, and scopes the token', async () => {
    reg = await startRegistry({ trustedConfigs: true });
    for (const n of ['alpha', 'beta', 'gamma']) reg.seed(meta(n, '1.0.0'), Buffer.from(n));
    const none = await exchange();
    expect(await detail(none)).toBe('No Trusted Publishing config found for repository `local/workspace`.');
    await create('alpha');
    await create('beta', { workflow_filename: 'other.yml' });
    await create('gamma', { environment: null });

    reg.oidc.issuer.claims = { ...reg.oidc.issuer.claims, event_name: 'workflow_run' };
    const run = await exchange();
    expect(run.status).toBe(400);
    expect(await detail(run)).toBe(refusedEventMessage('workflow_run'));

    reg.oidc.issuer.claims = { ...reg.oidc.issuer.claims, event_name: 'push', environment: 'staging' };
    const { token: onlyGamma } = (await (await exchange()).json()) as { token: string };
    expect(reg.trusted.minted.at(-1)!.crates).toEqual(['gamma']);

    reg.oidc.issuer.claims = { ...reg.oidc.issuer.claims, environment: 'publish' };
    const { token } = (await (await exchange()).json()) as { token: string };
    expect(reg.trusted.minted.at(-1)!.crates?.sort()).toEqual(['alpha', 'gamma']);
    expect((await put(meta('alpha', '1.0.1'), token)).status).toBe(200);
    const beta = await put(meta('beta', '1.0.1'), token);
    expect(beta.status).toBe(403);
    expect(await detail(beta)).toBe(trustedNotForCrate('beta'));
    expect((await put(meta('alpha', '1.0.2'), onlyGamma)).status).toBe(403);
    expect(reg.published('beta')).toEqual(['1.0.0']);

    reg.oidc.issuer.claims = { ...reg.oidc.issuer.claims, workflow_ref: 'local/workspace/.github/workflows/nightly.yml@refs/heads/main' };
    expect(await detail(await exchange())).toBe('No matching Trusted Publishing config found');
  });
});
