/**
 * `DELETE {api}/api/v1/crates/{name}/{version}/yank` with a token in `Authorization` (as
 * cargo sends it), bounded in time, answered as a Failure the retry rules understand
 * (core/publishing/retry).
 */
import type { Failure } from '../core/publishing/retry';
import { request } from './http-answer';

export type YankAnswer = { ok: true } | { ok: false; failure: Failure };

/** A yank the registry has not answered within this long is a network failure (retried). */
const YANK_TIMEOUT_MS = 60_000;

export async function yankVersion(
  apiUrl: string,
  crate: string,
  version: string,
  token: string,
  now: () => number,
  fetchImpl: typeof fetch = fetch,
): Promise<YankAnswer> {
  const url = `${apiUrl.replace(/\/+$/, '')}/api/v1/crates/${encodeURIComponent(crate)}/${encodeURIComponent(version)}/yank`;
  const answer = await request(
    url,
    { method: 'DELETE', headers: { authorization: token, accept: 'application/json' } },
    { timeoutMs: YANK_TIMEOUT_MS, now, fetch: fetchImpl },
  );
  return answer.ok ? { ok: true } : answer;
}
