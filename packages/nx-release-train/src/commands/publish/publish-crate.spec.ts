/**
 * The publish loop with fake uploads, index and clock: what it sends, waits and prints for
 * each registry answer. The real thing (the upload + registry) is covered by e2e/commands/publish*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { INDEX_POLL } from '../../core/publishing/index-poll';
import { retryPolicy, type Failure } from '../../core/publishing/retry';
import type { UploadAnswer } from '../../effects/crate-upload';
import type { IndexVersion } from '../../effects/registry-client';
import { publishCrate, type UploadRequest } from './publish-crate';

const req: UploadRequest = {
  crate: 'foo',
  version: '1.0.0',
  registry: 'local',
  file: '/t/package/foo-1.0.0.crate',
  dryRun: false,
  retry: retryPolicy({ maxAttempts: 6, backoff: 2, maxRateLimitWait: 1800 }),
  indexTimeoutMs: 10_000,
  poll: INDEX_POLL,
};

/** A world where the registry's answers to uploads come from a script and time is simulated. */
function world(opts: { index?: IndexVersion[]; answers?: Array<Failure | string[]>; visibleAfterMs?: number; localSum?: string } = {}) {
  let now = 1_000_000;
  const index = [...(opts.index ?? [])];
  const answers = [...(opts.answers ?? [])];
  const calls: string[] = [];
  const log: string[] = [];
  const sleeps: number[] = [];
  let uploadedAt: number | null = null;
  const upload = async (token: string | undefined): Promise<UploadAnswer> => {
    calls.push(`upload foo${token ? ` with ${token}` : ''}`);
    const a = answers.shift();
    if (a !== undefined && !Array.isArray(a)) return { ok: false, failure: a };
    uploadedAt = now;
    return { ok: true, warnings: a ?? [] };
  };
  const deps = {
    upload,
    index: {
      async versions() {
        if (uploadedAt !== null && now >= uploadedAt + (opts.visibleAfterMs ?? 0) && !index.some((v) => v.vers === req.version)) {
          index.push({ vers: req.version, cksum: 'aaa', yanked: false });
        }
        return index;
      },
    },
    sha256: async () => opts.localSum ?? 'aaa',
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    log: (line: string) => log.push(line),
  };
  return { deps, calls, log, sleeps };
}

describe('publishCrate', () => {
  it('skips a version the index has when the checksums match', async () => {
    const w = world({ index: [{ vers: '1.0.0', cksum: 'aaa', yanked: false }] });
    expect(await publishCrate(req, w.deps)).toBe('skipped');
    expect(w.calls).toEqual([]);
    expect(w.log).toEqual(['foo@1.0.0: skipped, already in registry "local" with the same checksum']);
  });

  it('refuses a version the index has with other content, naming both checksums', async () => {
    const w = world({ index: [{ vers: '1.0.0', cksum: 'bbb', yanked: false }] });
    await expect(publishCrate(req, w.deps)).rejects.toThrow(
      'foo@1.0.0 is already in the registry with different content: the index has checksum bbb, the crate packaged from this checkout (/t/package/foo-1.0.0.crate) has aaa',
    );
    expect(w.calls).toEqual([]);
  });

  it('uploads nothing in a dry run', async () => {
    const w = world();
    expect(await publishCrate({ ...req, dryRun: true }, w.deps)).toBe('would-publish');
    expect(w.calls).toEqual([]);
  });

  it('waits for the index after uploading, and says so once', async () => {
    const w = world({ visibleAfterMs: 1_200 });
    expect(await publishCrate(req, w.deps)).toBe('published');
    // Nothing learned yet: read at once, then every tenth of the time waited, 100 ms at least.
    expect(w.sleeps).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 110]);
    expect(w.log).toEqual(['foo@1.0.0: waiting for the index to show it', 'foo@1.0.0: published to registry "local" in 1.2 s']);
  });

  it('learns how long the index takes, and reads finely only around that time for the next crate', async () => {
    const indexDelays = [{ lo: 1_100, hi: 1_300 }];
    const w = world({ visibleAfterMs: 1_200 });
    expect(await publishCrate(req, { ...w.deps, indexDelays })).toBe('published');
    // One wait up to the window (1.1 s), then its width / 10 per read: found at 1.2 s.
    expect(w.sleeps).toEqual([1_000, 100, 20, 20, 20, 20, 20]);
    expect(indexDelays).toEqual([
      { lo: 1_100, hi: 1_300 },
      { lo: 1_180, hi: 1_200 },
    ]);
  });

  it("takes the preflight's index read and checksum instead of reading them again", async () => {
    const w = world({ index: [{ vers: '1.0.0', cksum: 'ccc', yanked: false }], localSum: 'other' });
    w.deps.index.versions = async () => {
      throw new Error('not read again');
    };
    expect(await publishCrate({ ...req, inIndex: [{ vers: '1.0.0', cksum: 'ccc', yanked: false }], cksum: 'ccc' }, w.deps)).toBe('skipped');
  });

  it('times out with a clear message when the index never shows the upload', async () => {
    const w = world({ visibleAfterMs: 60_000 });
    await expect(publishCrate(req, w.deps)).rejects.toThrow('foo@1.0.0 was uploaded but did not appear in the registry index within 10.0 s. Fix: rerun later');
  });

  it('retries after a 429 for the time given and after a 5xx with backoff', async () => {
    const w = world({
      answers: [
        { kind: 'rate-limited', retryAt: Date.parse('Thu, 01 Jan 1970 00:16:50 GMT') },
        { kind: 'server', status: 502 },
      ],
    });
    expect(await publishCrate(req, w.deps)).toBe('published');
    // 1_010_000 - 1_000_000 ms, plus the margin; then the first backoff step.
    expect(w.sleeps).toEqual([10_250, 2_000]);
    expect(w.log[0]).toBe('foo@1.0.0: retrying in 11 s (rate limited by registry "local", until 1970-01-01T00:16:50.000Z)');
    expect(w.log[1]).toBe('foo@1.0.0: retrying in 2 s (HTTP 502 from registry "local")');
    expect(w.calls).toHaveLength(3);
  });

  it('stops at the first 403 without retrying', async () => {
    const w = world({ answers: [{ kind: 'auth', status: 403, detail: 'authentication failed' }] });
    await expect(publishCrate({ ...req, token: 'tok' }, w.deps)).rejects.toThrow(/HTTP 403: authentication failed\)\. Nothing was retried/);
    expect(w.calls).toEqual(['upload foo with tok']);
  });

  it('confirms an earlier upload through the index and the checksum', async () => {
    const w = world({ answers: [{ kind: 'exists' }] });
    // An earlier run's upload, not yet in the index at the first look, shows up after.
    w.deps.index.versions = async () => (w.calls.length ? [{ vers: '1.0.0', cksum: 'aaa', yanked: false }] : []);
    expect(await publishCrate(req, w.deps)).toBe('skipped');
    expect(w.calls).toEqual(['upload foo']);
    expect(w.log).toEqual(['foo@1.0.0: skipped, already uploaded to registry "local" with the same checksum']);
  });

  it('trusted publishing: uploads with the minted token, renews it once after an auth failure and retries', async () => {
    const w = world({ answers: [{ kind: 'auth', status: 403, detail: 'authentication failed' }] });
    const minted: string[] = [];
    const auth = {
      token: async () => 'tp-1',
      renew: async (stale: string, since: number) => (minted.push(`${stale} since ${since}`), 'tp-2'),
    };
    expect(await publishCrate(req, { ...w.deps, auth })).toBe('published');
    expect(w.calls).toEqual(['upload foo with tp-1', 'upload foo with tp-2']);
    expect(minted).toEqual(['tp-1 since 1000000']);
    expect(w.log[0]).toBe('foo@1.0.0: authentication failed (authentication failed); minting a new trusted-publishing token and retrying once');
  });

  it('trusted publishing: a second auth failure for the same upload stops', async () => {
    const denied: Failure = { kind: 'auth', status: 403, detail: 'authentication failed' };
    const w = world({ answers: [denied, denied] });
    const auth = { token: async () => 'tp-1', renew: async () => 'tp-2' };
    await expect(publishCrate(req, { ...w.deps, auth })).rejects.toThrow(
      /registry "local" refused the trusted-publishing token for foo@1\.0\.0 twice .*Fix: check that foo lists this repository and workflow as a trusted publisher/,
    );
    expect(w.calls).toHaveLength(2);
  });

  it("prints the registry's warnings about an accepted upload", async () => {
    const w = world({ answers: [['the following are not valid category slugs and were ignored: wasm-x.']] });
    expect(await publishCrate(req, w.deps)).toBe('published');
    expect(w.log[0]).toBe('foo@1.0.0: warning: the following are not valid category slugs and were ignored: wasm-x.');
  });
});
