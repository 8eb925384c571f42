/** Index reads against the local registry (real HTTP): bounded in time, retried as uploads are. */
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from '../../../../tools/local-registry';
import { retryPolicy } from '../core/publishing/retry';
import { registryApiUrl, sparseIndexClient, type IndexReadOptions } from './registry-client';

let reg: Registry;
afterEach(() => reg?.stop());

/** A 0.3 s bound and the uploads' policy with `attempts`, its waits recorded instead of slept. */
function quick(waits: number[], attempts = 3): IndexReadOptions {
  const policy = retryPolicy({ maxAttempts: attempts, backoff: 2, maxRateLimitWait: 120 });
  return { timeoutMs: 300, retry: { policy, sleep: async (ms) => void waits.push(ms) } };
}

/** A registry that has answered once (a cold first answer can outlast a short bound on a busy machine). */
async function warmRegistry(): Promise<Registry> {
  const r = await startRegistry();
  await registryApiUrl(r.indexUrl, undefined);
  return r;
}

const failureOf = (p: Promise<unknown>) => p.then(() => null).catch((e: Error) => e);
const base = () => reg.indexUrl.replace(/^sparse\+/, '');

describe('sparseIndexClient', () => {
  it('bounds every read: an index that accepts and never answers fails after the bound and the retries, saying so (never "HTTP 500")', async () => {
    reg = await warmRegistry();
    reg.seed({ name: 'wasmtime', vers: '5.0.0', deps: [], features: {} }, Buffer.from('w'));

    reg.faults.add({ route: 'index', times: 3, action: { hang: true } });
    const waits: number[] = [];
    const err = await failureOf(sparseIndexClient(reg.indexUrl, undefined, quick(waits)).versions('wasmtime'));
    expect(err?.message).toBe(`the index at ${base()} did not answer within 0.3 s (3 attempts)`);
    expect(err?.message).not.toMatch(/HTTP/);
    expect(waits).toEqual([2000, 4000]);
    expect(reg.events.filter((e) => e.route === 'index').map((e) => e.status)).toEqual(['hung', 'hung', 'hung']);

    // Hanging once: read on the retry.
    reg.faults.add({ route: 'index', action: { hang: true } });
    const again: number[] = [];
    expect((await sparseIndexClient(reg.indexUrl, undefined, quick(again)).versions('wasmtime')).map((v) => v.vers)).toEqual(['5.0.0']);
    expect(again).toEqual([2000]);

    // config.json (the API root, whether the index needs a token) is bounded as well.
    reg.faults.add({ route: 'config', times: 2, action: { hang: true } });
    const api = await failureOf(registryApiUrl(reg.indexUrl, undefined, quick([], 1)));
    expect(api?.message).toBe(`the index at ${base()} did not answer within 0.3 s`);
    const viaIndex = await failureOf(sparseIndexClient(reg.indexUrl, undefined, quick([], 1)).versions('wasmtime'));
    expect(viaIndex?.message).toBe(`the index at ${base()} did not answer within 0.3 s`);
  });
});
