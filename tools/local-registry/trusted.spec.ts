/** Trusted publishing, upload size and yank limits of the local registry, over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { indexPath, type PublishMetadata } from './index-format';
import { startRegistry, type Registry } from './registry';
import { TRUSTED_NEW_CRATE, TRUSTED_YANK } from './trusted';
import { encodeUpload } from './upload';

const meta = (name: string, vers: string): PublishMetadata => ({ name, vers, deps: [], features: {} });

let reg: Registry;
afterEach(() => reg?.stop());

const put = (m: PublishMetadata, token: string, bytes: Buffer = Buffer.from(`crate of ${m.name} ${m.vers}`)) =>
  fetch(`${reg.url}/api/v1/crates/new`, { method: 'PUT', headers: { authorization: token }, body: encodeUpload(m, bytes) });
const detail = async (res: Response) => ((await res.json()) as { errors: Array<{ detail: string }> }).errors[0].detail;

async function oidc(audience: string, requestToken = reg.oidc.requestToken): Promise<Response> {
  return fetch(`${reg.oidc.requestUrl}&audience=${encodeURIComponent(audience)}`, { headers: { authorization: `Bearer ${requestToken}` } });
}

async function exchange(jwt: string): Promise<Response> {
  return fetch(`${reg.url}/api/v1/trusted_publishing/tokens`, { method: 'POST', body: JSON.stringify({ jwt }) });
}

async function mint(): Promise<string> {
  const { value } = (await (await oidc(new URL(reg.url).host)).json()) as { value: string };
  return ((await (await exchange(value)).json()) as { token: string }).token;
}

describe('trusted publishing', () => {
  it('issues a JWT only for the request token, exchanges it once, for this audience only', async () => {
    reg = await startRegistry();
    expect((await oidc('x', 'wrong')).status).toBe(401);
    const wrongAud = (await (await oidc('crates.io')).json()) as { value: string };
    const refused = await exchange(wrongAud.value);
    expect(refused.status).toBe(400);
    expect(await detail(refused)).toMatch(/Failed to decode JWT: .*aud/);

    const { value } = (await (await oidc(new URL(reg.url).host)).json()) as { value: string };
    expect(value.split('.')).toHaveLength(3);
    const first = await exchange(value);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { token: string }).token).toMatch(/^cio_tp_[0-9a-f]{48}$/);
    const again = await exchange(value);
    expect(again.status).toBe(400);
    expect(await detail(again)).toBe('JWT has already been used');
    expect(reg.oidc.issued.map((i) => i.audience)).toEqual(['crates.io', new URL(reg.url).host]);
  });

  it('publishes new versions of existing crates with the token, never a new crate, never a yank', async () => {
    reg = await startRegistry({ rateLimits: { newVersions: { burst: 1, intervalMs: 60_000 } } });
    expect((await put(meta('alpha', '1.0.0'), reg.token)).status).toBe(200);
    const token = await mint();
    // The per-user limit (1 version, used up below by the API token) does not apply.
    expect((await put(meta('alpha', '1.0.1'), reg.token)).status).toBe(200);
    expect((await put(meta('alpha', '1.0.2'), token)).status).toBe(200);
    expect((await put(meta('alpha', '1.0.3'), token)).status).toBe(200);
    const fresh = await put(meta('beta', '1.0.0'), token);
    expect(fresh.status).toBe(403);
    expect(await detail(fresh)).toBe(TRUSTED_NEW_CRATE);
    const yank = await fetch(`${reg.url}/api/v1/crates/alpha/1.0.0/yank`, { method: 'DELETE', headers: { authorization: token } });
    expect(yank.status).toBe(403);
    expect(await detail(yank)).toBe(TRUSTED_YANK);
    expect(reg.published('alpha')).toEqual(['1.0.0', '1.0.1', '1.0.2', '1.0.3']);
  });

  it('expires tokens after their lifetime and revokes them on DELETE', async () => {
    reg = await startRegistry({ trustedTokenLifetimeMs: 300 });
    reg.seed(meta('alpha', '1.0.0'), Buffer.from('x'));
    const short = await mint();
    await new Promise((r) => setTimeout(r, 350));
    const expired = await put(meta('alpha', '1.0.1'), short);
    expect(expired.status).toBe(403);
    expect(await detail(expired)).toMatch(/^authentication failed/);
    // An expired token cannot revoke itself either.
    const late = await fetch(`${reg.url}/api/v1/trusted_publishing/tokens`, { method: 'DELETE', headers: { authorization: `Bearer ${short}` } });
    expect(late.status).toBe(403);

    reg.trusted.lifetimeMs = 60_000;
    const token = await mint();
    const revoke = await fetch(`${reg.url}/api/v1/trusted_publishing/tokens`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(revoke.status).toBe(204);
    expect((await put(meta('alpha', '1.0.1'), token)).status).toBe(403);
    expect(reg.trusted.minted.map((m) => m.revokedAt !== null)).toEqual([false, true]);
  });
});

describe('limits', () => {
  it('refuses a .crate over the size limit with crates.io wording', async () => {
    reg = await startRegistry({ maxCrateBytes: 1000 });
    expect((await put(meta('alpha', '1.0.0'), reg.token, Buffer.alloc(1000))).status).toBe(200);
    const big = await put(meta('alpha', '1.0.1'), reg.token, Buffer.alloc(1001));
    expect(big.status).toBe(413);
    expect(await detail(big)).toBe('max upload size is: 1000');
    expect(reg.published('alpha')).toEqual(['1.0.0']);
  });

  it('rate-limits yanks on their own budget', async () => {
    reg = await startRegistry({ rateLimits: { yanks: { burst: 2, intervalMs: 60_000 } } });
    for (const v of ['1.0.0', '1.0.1', '1.0.2']) reg.seed(meta('alpha', v), Buffer.from(v));
    const yank = (v: string) => fetch(`${reg.url}/api/v1/crates/alpha/${v}/yank`, { method: 'DELETE', headers: { authorization: reg.token } });
    expect((await yank('1.0.0')).status).toBe(200);
    expect((await yank('1.0.1')).status).toBe(200);
    const limited = await yank('1.0.2');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(await detail(limited)).toMatch(/^You have yanked or unyanked crates too many times .* Please try again after .* GMT/);
    const line = (await (await fetch(`${reg.url}/index/${indexPath('alpha')}`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line.map((l: { yanked: boolean }) => l.yanked)).toEqual([true, true, false]);
  });
});
