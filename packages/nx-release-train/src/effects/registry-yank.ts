/**
 * `DELETE {api}/api/v1/crates/{name}/{version}/yank` with a token in `Authorization` (as
 * cargo sends it), answered as a Failure the retry rules understand (core/publishing/retry).
 */
import { retryAtOf, type Failure } from '../core/publishing/retry';

export type YankAnswer = { ok: true } | { ok: false; failure: Failure };

export async function yankVersion(
  apiUrl: string,
  crate: string,
  version: string,
  token: string,
  now: () => number,
  fetchImpl: typeof fetch = fetch,
): Promise<YankAnswer> {
  const url = `${apiUrl.replace(/\/+$/, '')}/api/v1/crates/${encodeURIComponent(crate)}/${encodeURIComponent(version)}/yank`;
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'DELETE', headers: { authorization: token, accept: 'application/json' } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    return { ok: false, failure: { kind: 'network', detail: cause } };
  }
  if (res.ok) return { ok: true };
  const text = await res.text().catch(() => '');
  let detail = text.slice(0, 300);
  try {
    detail = (JSON.parse(text) as { errors?: Array<{ detail?: string }> }).errors?.[0]?.detail ?? detail;
  } catch {
    // not JSON: keep the text
  }
  if (res.status === 429) {
    const header = res.headers.get('retry-after');
    return { ok: false, failure: { kind: 'rate-limited', retryAt: retryAtOf(`${detail}\n${header ? `retry-after: ${header}` : ''}`, now()) } };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, failure: { kind: 'auth', status: res.status, detail } };
  if (res.status >= 500) return { ok: false, failure: { kind: 'server', status: res.status } };
  return { ok: false, failure: { kind: 'other', detail: `HTTP ${res.status}: ${detail}` } };
}
