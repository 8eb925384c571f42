/**
 * Reads a crate's versions from a sparse registry index over HTTP (what cargo reads), so the
 * publish target can tell "already published" from "not yet visible" without cargo.
 * https://doc.rust-lang.org/cargo/reference/registry-index.html#sparse-protocol
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ReleaseError } from '../core/errors';
import { RETRY_DEFAULTS } from '../core/flags/registry';
import { retryPolicy, type Failure } from '../core/publishing/retry';
import { REQUEST_TIMEOUT_MS, retriedRequest, sleepMs, type Retrying } from './http-answer';

export interface IndexVersion {
  vers: string;
  cksum: string;
  yanked: boolean;
}

export interface IndexClient {
  /** Versions the index shows for a crate ([] when the crate is unknown). */
  versions(crate: string): Promise<IndexVersion[]>;
}

/** The registry index could not be read; the fix defaults to what helps with a network failure. */
export class IndexError extends ReleaseError {
  constructor(message: string, fix = 'check that the registry is reachable, then rerun') {
    super(message, fix);
  }
}

/** Path of a crate's file below the index root: 1/a, 2/ab, 3/a/abc, ab/cd/abcd. */
export function sparsePath(crate: string): string {
  const n = crate.toLowerCase();
  if (n.length <= 2) return `${n.length}/${n}`;
  if (n.length === 3) return `3/${n[0]}/${n}`;
  return `${n.slice(0, 2)}/${n.slice(2, 4)}/${n}`;
}

/** How the index is read: each request bounded in time and retried as uploads are. */
export interface IndexReadOptions {
  fetch?: typeof fetch;
  /** Longest wait for one answer (default REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Default: the policy of the retry flags' defaults, sleeping on the real clock. */
  retry?: Retrying;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * GETs below the index root at `base`, each bounded and retried: the answer, or the HTTP status
 * of one the caller may expect (404: no such crate); a failure that outlasts the retries
 * (no answer, unreachable, 5xx, rate limits) is an IndexError saying which.
 */
function indexReader(base: string, opts: IndexReadOptions) {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const http = { timeoutMs, now: Date.now, fetch: opts.fetch };
  const retry = opts.retry ?? { policy: retryPolicy(RETRY_DEFAULTS), sleep: sleepMs };
  return async (rel: string, headers: Record<string, string>): Promise<Response | number> => {
    const { answer, tries } = await retriedRequest(new URL(rel, base).href, { headers }, http, retry);
    if (answer.ok) return answer.res;
    const f = answer.failure;
    const after = tries > 1 ? ` (${tries} attempts)` : '';
    if (f.kind === 'network' && f.timedOut) throw new IndexError(`the index at ${base} did not answer within ${seconds(timeoutMs)}${after}`);
    if (f.kind === 'network') throw new IndexError(`cannot reach the index at ${base}: ${f.detail}${after}`);
    if (f.kind === 'rate-limited') throw new IndexError(`the index at ${base} kept rate-limiting the reads of ${rel}`, 'rerun later');
    return answer.status ?? 0;
  };
}

/**
 * `indexUrl` as cargo's configuration holds it (`sparse+https://.../`). The token is sent
 * only when the registry's config.json says `auth-required`, as cargo does.
 */
export function sparseIndexClient(indexUrl: string, token: string | undefined, opts: IndexReadOptions = {}): IndexClient {
  if (!indexUrl.startsWith('sparse+')) {
    throw new IndexError(
      `index ${indexUrl} is not a sparse index; the publish target reads sparse indexes only`,
      `use the registry's sparse URL (index = "sparse+https://...") in cargo's configuration`,
    );
  }
  const base = indexUrl.slice('sparse+'.length).replace(/\/?$/, '/');
  const read = indexReader(base, opts);
  let authRequired: Promise<boolean> | undefined;

  const get = (rel: string, auth: boolean) => {
    const headers: Record<string, string> = { 'cache-control': 'no-cache' };
    if (auth && token) headers.authorization = token;
    return read(rel, headers);
  };

  return {
    async versions(crate) {
      authRequired ??= get('config.json', true).then(async (r) => {
        if (typeof r === 'number') throw new IndexError(`${base}config.json answered HTTP ${r}`);
        return ((await r.json()) as { 'auth-required'?: boolean })['auth-required'] === true;
      });
      const res = await get(sparsePath(crate), await authRequired);
      if (typeof res === 'number') {
        if ([404, 410, 451].includes(res)) return [];
        if (res === 401 || res === 403) throw new IndexError(`the index at ${base} refused to show ${crate} (HTTP ${res})`, 'check the registry token');
        throw new IndexError(`the index at ${base} answered HTTP ${res} for ${crate}`);
      }
      const text = await res.text();
      return text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { name: string; vers: string; cksum: string; yanked?: boolean })
        .filter((l) => l.name.toLowerCase() === crate.toLowerCase())
        .map((l) => ({ vers: l.vers, cksum: l.cksum, yanked: l.yanked === true }));
    },
  };
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** The registry's API root, from its index's config.json (`api`), e.g. https://crates.io. */
export async function registryApiUrl(indexUrl: string, token: string | undefined, opts: IndexReadOptions = {}): Promise<string> {
  const base = indexUrl.replace(/^sparse\+/, '').replace(/\/?$/, '/');
  const res = await indexReader(base, opts)('config.json', token ? { authorization: token } : {});
  if (typeof res === 'number') throw new IndexError(`${base}config.json answered HTTP ${res}`);
  const api = ((await res.json()) as { api?: unknown }).api;
  if (typeof api !== 'string' || !api) {
    throw new IndexError(`${base}config.json has no "api": the registry does not accept uploads through an API`);
  }
  return api;
}
