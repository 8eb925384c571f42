import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFault } from './faults';
import { indexPath, splitFeatures, toIndexDep, type PublishMetadata } from './index-format';
import { Bucket } from './rate-limit';
import { startRegistry, type Registry } from './registry';
import { encodeUpload, parseUpload } from './upload';

const meta = (name: string, vers: string, deps: PublishMetadata['deps'] = []): PublishMetadata => ({
  name,
  vers,
  deps,
  features: {},
});

describe('index format', () => {
  it('places crates by name length, lower-cased', () => {
    expect(['a', 'Ab', 'abc', 'Serde', 'wasm-x'].map(indexPath)).toEqual(['1/a', '2/ab', '3/a/abc', 'se/rd/serde', 'wa/sm/wasm-x']);
  });

  it('stores a renamed dependency under its key with the crate in `package`', () => {
    const dep = toIndexDep({ name: 'real-crate', version_req: '=1.2.3', explicit_name_in_toml: 'alias', kind: 'build', target: 'cfg(unix)' }, []);
    expect(dep).toEqual({
      name: 'alias',
      package: 'real-crate',
      req: '=1.2.3',
      features: [],
      optional: false,
      default_features: true,
      target: 'cfg(unix)',
      kind: 'build',
    });
  });

  it('keeps a foreign registry and drops the one it stands in for', () => {
    const same = toIndexDep({ name: 'a', version_req: '^1', registry: 'https://x/index/' }, ['https://x/index']);
    const other = toIndexDep({ name: 'a', version_req: '^1', registry: 'https://y/index' }, ['https://x/index']);
    expect(same.registry).toBeUndefined();
    expect(other.registry).toBe('https://y/index');
  });

  it('moves dep: and ?/ features to features2', () => {
    expect(splitFeatures({ a: ['b'], c: ['dep:d'], e: ['f?/g'] })).toEqual({
      features: { a: ['b'] },
      features2: { c: ['dep:d'], e: ['f?/g'] },
    });
  });
});

describe('upload body', () => {
  it('round-trips and rejects a truncated body', () => {
    const body = encodeUpload(meta('x', '1.0.0'), Buffer.from('crate-bytes'));
    const up = parseUpload(body);
    expect(up.meta.name).toBe('x');
    expect(up.crate.toString()).toBe('crate-bytes');
    expect(() => parseUpload(body.subarray(0, body.length - 2))).toThrow(/ends inside the .crate/);
  });
});

describe('rate limit bucket', () => {
  it('grants a burst, then one token per interval', () => {
    const b = new Bucket({ burst: 2, intervalMs: 100 }, 0);
    expect(b.take(0)).toBeNull();
    expect(b.take(10)).toBeNull();
    expect(b.take(20)).toBe(100);
    expect(b.take(99)).toBe(100);
    expect(b.take(100)).toBeNull();
    expect(b.take(150)).toBe(200);
    // A long pause refills up to the burst, never beyond.
    expect(b.take(1000)).toBeNull();
    expect(b.take(1000)).toBeNull();
    expect(b.take(1000)).toBe(1100);
  });
});

describe('parseFault', () => {
  it('reads route, crate, action and count', () => {
    expect(parseFault('publish:*:429=2000:3')).toEqual({
      route: 'publish',
      crate: undefined,
      action: { status: 429, retryAfterMs: 2000 },
      times: 3,
    });
    expect(parseFault('index:foo:drop:inf').times).toBe(Infinity);
    expect(() => parseFault('nope:*:500')).toThrow(/route one of/);
  });
});

describe('registry over HTTP', () => {
  let reg: Registry;
  afterEach(() => reg?.stop());

  const put = (m: PublishMetadata, bytes = `crate of ${m.name} ${m.vers}`, token: string | null = reg.token) =>
    fetch(`${reg.url}/api/v1/crates/new`, {
      method: 'PUT',
      headers: token == null ? {} : { authorization: token },
      body: encodeUpload(m, Buffer.from(bytes)),
    });
  const index = (name: string) => fetch(`${reg.url}/index/${indexPath(name)}`);

  it('publishes, serves the index line, the crate and config.json', async () => {
    reg = await startRegistry();
    const config = await (await fetch(`${reg.url}/index/config.json`)).json();
    expect(config).toEqual({ dl: `${reg.url}/api/v1/crates`, api: reg.url });
    expect((await put(meta('alpha', '1.0.0'))).status).toBe(200);
    const res = await put(meta('beta', '0.2.0', [{ name: 'alpha', version_req: '=1.0.0', kind: 'normal' }]));
    expect(res.status).toBe(200);
    const text = await (await index('beta')).text();
    const line = JSON.parse(text.trim());
    expect(line.deps[0]).toMatchObject({ name: 'alpha', req: '=1.0.0', kind: 'normal' });
    expect(line.cksum).toBe(createHash('sha256').update('crate of beta 0.2.0').digest('hex'));
    const dl = await fetch(`${reg.url}/api/v1/crates/beta/0.2.0/download`);
    expect(await dl.text()).toBe('crate of beta 0.2.0');
    expect(reg.published('beta')).toEqual(['0.2.0']);
  });

  it('answers 304 to a matching ETag', async () => {
    reg = await startRegistry();
    await put(meta('alpha', '1.0.0'));
    const first = await index('alpha');
    const etag = first.headers.get('etag') as string;
    const again = await fetch(`${reg.url}/index/${indexPath('alpha')}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('rejects missing and wrong tokens with crates.io-style errors', async () => {
    reg = await startRegistry();
    const none = await put(meta('alpha', '1.0.0'), 'x', null);
    expect(none.status).toBe(401);
    const wrong = await put(meta('alpha', '1.0.0'), 'x', 'nope');
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ errors: [{ detail: 'authentication failed' }] });
    expect(reg.published('alpha')).toEqual([]);
  });

  it('requires the token for index reads when auth-required', async () => {
    reg = await startRegistry({ authRequired: true });
    expect((await fetch(`${reg.url}/index/config.json`)).status).toBe(401);
    const ok = await fetch(`${reg.url}/index/config.json`, { headers: { authorization: reg.token } });
    expect(await ok.json()).toMatchObject({ 'auth-required': true });
  });

  it('refuses a version twice, an unknown dependency and a respelled name', async () => {
    reg = await startRegistry();
    await put(meta('my-crate', '1.0.0'));
    const dup = await put(meta('my-crate', '1.0.0'), 'other bytes');
    expect(dup.status).toBe(400);
    expect(JSON.stringify(await dup.json())).toMatch(/already uploaded/);
    const unknown = await put(meta('gamma', '1.0.0', [{ name: 'nowhere', version_req: '^1' }]));
    expect(JSON.stringify(await unknown.json())).toMatch(/no known crate named `nowhere`/);
    const respelled = await put(meta('my_crate', '2.0.0'));
    expect(JSON.stringify(await respelled.json())).toMatch(/previously named `my-crate`/);
  });

  it('shows a version in the index only after the index delay', async () => {
    reg = await startRegistry({ indexDelayMs: 300 });
    await put(meta('alpha', '1.0.0'));
    expect((await index('alpha')).status).toBe(404);
    expect(reg.published('alpha')).toEqual(['1.0.0']);
    expect(reg.visible('alpha')).toEqual([]);
    await new Promise((r) => setTimeout(r, 350));
    expect((await index('alpha')).status).toBe(200);
  });

  it('holds each publish for the latency', async () => {
    reg = await startRegistry({ publishLatencyMs: 200 });
    const t = Date.now();
    await put(meta('alpha', '1.0.0'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(190);
  });

  it('yanks and unyanks', async () => {
    reg = await startRegistry();
    await put(meta('alpha', '1.0.0'));
    const url = `${reg.url}/api/v1/crates/alpha/1.0.0`;
    const y = await fetch(`${url}/yank`, { method: 'DELETE', headers: { authorization: reg.token } });
    expect(await y.json()).toEqual({ ok: true });
    expect(JSON.parse(await (await index('alpha')).text()).yanked).toBe(true);
    await fetch(`${url}/unyank`, { method: 'PUT', headers: { authorization: reg.token } });
    expect(JSON.parse(await (await index('alpha')).text()).yanked).toBe(false);
    const anon = await fetch(`${url}/yank`, { method: 'DELETE' });
    expect(anon.status).toBe(401);
  });

  it('injects a 429 with Retry-After and the date in the body', async () => {
    reg = await startRegistry();
    reg.faults.add({ action: { status: 429, retryAfterMs: 1500 } });
    const res = await put(meta('alpha', '1.0.0'));
    expect(res.status).toBe(429);
    const secs = Number(res.headers.get('retry-after'));
    expect(secs).toBeGreaterThanOrEqual(2);
    expect(secs).toBeLessThanOrEqual(3);
    const detail = ((await res.json()) as { errors: Array<{ detail: string }> }).errors[0].detail;
    const when = Date.parse(/try again after (.+ GMT)/.exec(detail)![1]);
    expect(when - Date.now()).toBeGreaterThan(1000);
    // Used up: the next try goes through.
    expect((await put(meta('alpha', '1.0.0'))).status).toBe(200);
  });

  it('injects a 5xx for one crate only, and drops connections', async () => {
    reg = await startRegistry();
    reg.faults.add({ crate: 'beta', action: { status: 503 }, times: 2 });
    reg.faults.add({ crate: 'gamma', action: { drop: true } });
    expect((await put(meta('alpha', '1.0.0'))).status).toBe(200);
    expect((await put(meta('beta', '1.0.0'))).status).toBe(503);
    expect((await put(meta('beta', '1.0.0'))).status).toBe(503);
    await expect(put(meta('gamma', '1.0.0'))).rejects.toThrow();
    expect(reg.published('gamma')).toEqual([]);
    expect(reg.faults.pending()).toEqual([]);
  });

  it('can store a publish and then drop the connection', async () => {
    reg = await startRegistry();
    reg.faults.add({ action: { drop: true, after: true } });
    await expect(put(meta('alpha', '1.0.0'))).rejects.toThrow();
    expect(reg.published('alpha')).toEqual(['1.0.0']);
  });

  it('rate-limits new versions and new crates separately, like crates.io', async () => {
    reg = await startRegistry({
      rateLimits: { newVersions: { burst: 2, intervalMs: 400 }, newCrates: { burst: 1, intervalMs: 60_000 } },
    });
    expect((await put(meta('alpha', '1.0.0'))).status).toBe(200);
    expect((await put(meta('beta', '1.0.0'))).status).toBe(429);
    expect((await put(meta('alpha', '1.0.1'))).status).toBe(200);
    expect((await put(meta('alpha', '1.0.2'))).status).toBe(200);
    const limited = await put(meta('alpha', '1.0.3'));
    expect(limited.status).toBe(429);
    await new Promise((r) => setTimeout(r, 450));
    expect((await put(meta('alpha', '1.0.3'))).status).toBe(200);
    expect(reg.events.filter((e) => e.status === 429)).toHaveLength(2);
  });

  it('seeds a version and notifies publish listeners', async () => {
    reg = await startRegistry();
    const seen: string[] = [];
    reg.onPublish((l) => seen.push(`${l.name}@${l.vers}`));
    reg.seed(meta('alpha', '1.0.0'), Buffer.from('x'));
    await put(meta('alpha', '1.1.0'));
    expect(seen).toEqual(['alpha@1.0.0', 'alpha@1.1.0']);
    expect(reg.visible('alpha')).toEqual(['1.0.0', '1.1.0']);
  });
});
