/**
 * The publish loop with fake cargo, index and clock: what it runs, waits and prints for each
 * registry answer. The real thing (cargo + registry) is covered by e2e/publish.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { retryPolicy } from '../../core/publishing/retry';
import type { Cargo } from '../../effects/cargo';
import type { IndexVersion } from '../../effects/registry-client';
import { publishCrate, type UploadRequest } from './publish-crate';

const req: UploadRequest = {
  crate: 'foo',
  version: '1.0.0',
  registry: 'local',
  dryRun: false,
  noVerify: true,
  retry: retryPolicy({ maxAttempts: 6, backoff: 2, maxRateLimitWait: 1800 }),
  indexTimeoutMs: 10_000,
  pollMs: 500,
};

/** A world where cargo's publish answers come from a script and time is simulated. */
function world(opts: { index?: IndexVersion[]; answers?: string[]; visibleAfterMs?: number; localSum?: string } = {}) {
  let now = 1_000_000;
  const index = [...(opts.index ?? [])];
  const answers = [...(opts.answers ?? [])];
  const calls: string[] = [];
  const log: string[] = [];
  const sleeps: number[] = [];
  let uploadedAt: number | null = null;
  const cargo: Cargo = {
    async publish(crate, o) {
      calls.push(`publish ${crate}${o.token ? ` with ${o.token.variable}=${o.token.value}` : ''}`);
      const stderr = answers.shift();
      if (stderr !== undefined) return { exitCode: 101, stdout: '', stderr };
      uploadedAt = now;
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    async package(crates) {
      calls.push(`package ${crates.join(' ')}`);
      return { exitCode: 0, stdout: '', stderr: '' };
    },
    async packagedCrate(crate, version) {
      return `/t/package/${crate}-${version}.crate`;
    },
    async targetList() {
      throw new Error('publishing lists no targets');
    },
  };
  const deps = {
    cargo,
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
    expect(w.calls).toEqual(['package foo']);
    expect(w.log).toEqual(['foo@1.0.0: skipped, already in registry "local" with the same checksum']);
  });

  it('refuses a version the index has with other content, naming both checksums', async () => {
    const w = world({ index: [{ vers: '1.0.0', cksum: 'bbb', yanked: false }] });
    await expect(publishCrate(req, w.deps)).rejects.toThrow(
      'foo@1.0.0 is already in the registry with different content: the index has checksum bbb, the crate packaged from this checkout (/t/package/foo-1.0.0.crate) has aaa',
    );
    expect(w.calls).not.toContain('publish foo');
  });

  it('uploads nothing in a dry run', async () => {
    const w = world();
    expect(await publishCrate({ ...req, dryRun: true }, w.deps)).toBe('would-publish');
    expect(w.calls).toEqual([]);
  });

  it('waits for the index after uploading, and says so once', async () => {
    const w = world({ visibleAfterMs: 1_200 });
    expect(await publishCrate(req, w.deps)).toBe('published');
    expect(w.sleeps).toEqual([500, 500, 500]);
    expect(w.log).toEqual(['foo@1.0.0: waiting for the index to show it', 'foo@1.0.0: published to registry "local" in 1.5 s']);
  });

  it('times out with a clear message when the index never shows the upload', async () => {
    const w = world({ visibleAfterMs: 60_000 });
    await expect(publishCrate(req, w.deps)).rejects.toThrow('foo@1.0.0 was uploaded but did not appear in the registry index within 10.0 s. Fix: rerun later');
  });

  it('retries after a 429 for the time given and after a 5xx with backoff', async () => {
    const w = world({
      answers: [
        'status 429 Too Many Requests): Please try again after Thu, 01 Jan 1970 00:16:50 GMT or email',
        'the remote server responded with an error (status 502 Bad Gateway): bad gateway',
      ],
    });
    expect(await publishCrate(req, w.deps)).toBe('published');
    // 1_010_000 - 1_000_000 ms, plus the margin; then the first backoff step.
    expect(w.sleeps).toEqual([10_250, 2_000]);
    expect(w.log[0]).toBe('foo@1.0.0: retrying in 11 s (rate limited by registry "local", until 1970-01-01T00:16:50.000Z)');
    expect(w.log[1]).toBe('foo@1.0.0: retrying in 2 s (HTTP 502 from registry "local")');
    expect(w.calls.filter((c) => c.startsWith('publish'))).toHaveLength(3);
  });

  it('stops at the first 403 without retrying', async () => {
    const w = world({ answers: ['(status 403 Forbidden): authentication failed'] });
    await expect(publishCrate(req, w.deps)).rejects.toThrow(/HTTP 403: .*authentication failed.*Nothing was retried/);
    expect(w.calls).toEqual(['publish foo']);
  });

  it('confirms an earlier upload through the index and the checksum', async () => {
    const w = world({ answers: ['error: crate foo@1.0.0 already exists on `local` index'] });
    // An earlier run's upload, not yet in the index at the first look, shows up after.
    w.deps.index.versions = async () => (w.calls.length ? [{ vers: '1.0.0', cksum: 'aaa', yanked: false }] : []);
    expect(await publishCrate(req, w.deps)).toBe('skipped');
    expect(w.calls).toEqual(['publish foo', 'package foo']);
    expect(w.log).toEqual(['foo@1.0.0: skipped, already uploaded to registry "local" with the same checksum']);
  });

  it('trusted publishing: hands the minted token to cargo, renews it once after an auth failure and retries', async () => {
    const w = world({ answers: ['the remote server responded with an error (status 403 Forbidden): authentication failed'] });
    const minted: string[] = [];
    const auth = {
      token: async () => 'tp-1',
      renew: async (stale: string, since: number) => (minted.push(`${stale} since ${since}`), 'tp-2'),
    };
    expect(await publishCrate(req, { ...w.deps, auth })).toBe('published');
    expect(w.calls.filter((c) => c.startsWith('publish'))).toEqual([
      'publish foo with CARGO_REGISTRIES_LOCAL_TOKEN=tp-1',
      'publish foo with CARGO_REGISTRIES_LOCAL_TOKEN=tp-2',
    ]);
    expect(minted).toEqual(['tp-1 since 1000000']);
    expect(w.log[0]).toBe(
      'foo@1.0.0: authentication failed (the remote server responded with an error (status 403 Forbidden): authentication failed); minting a new trusted-publishing token and retrying once',
    );
  });

  it('trusted publishing: a second auth failure for the same upload stops', async () => {
    const denied = '(status 403 Forbidden): authentication failed';
    const w = world({ answers: [denied, denied] });
    const auth = { token: async () => 'tp-1', renew: async () => 'tp-2' };
    await expect(publishCrate(req, { ...w.deps, auth })).rejects.toThrow(
      /registry "local" refused the trusted-publishing token for foo@1\.0\.0 twice .*Fix: check that foo lists this repository and workflow as a trusted publisher/,
    );
    expect(w.calls.filter((c) => c.startsWith('publish'))).toHaveLength(2);
  });
});
