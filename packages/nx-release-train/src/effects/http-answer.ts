/**
 * One HTTP request to a registry or GitHub's OIDC endpoint, bounded in time (a server that
 * never answers fails after `timeoutMs`, not after the platform's 300 s), and its failure as
 * the retry rules read it (core/publishing/retry.ts): 429 with when to retry, 5xx, network or
 * timeout, authentication, anything else.
 */
import { retryAtOf, type Failure } from '../core/publishing/retry';
import { maskSecrets } from '../core/secrets';

export type Answer = { ok: true; res: Response } | { ok: false; failure: Failure };

/** The error text of an answer: crates.io's `errors[0].detail`, else the body, cut to 300 characters. */
export async function detailOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  let detail = text;
  try {
    detail = (JSON.parse(text) as { errors?: Array<{ detail?: string }> }).errors?.[0]?.detail ?? text;
  } catch {
    // not JSON: the text itself
  }
  // Masked before it is cut: a secret the server echoes must not survive as a prefix.
  return maskSecrets(detail).slice(0, 300);
}

/** `fetch` with a time bound; a failed answer read into a Failure (the body is consumed then). */
export async function request(url: string, init: RequestInit, opts: { timeoutMs: number; now: () => number; fetch?: typeof fetch }): Promise<Answer> {
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    return {
      ok: false,
      failure: { kind: 'network', detail: timedOut ? `no answer within ${Math.ceil(opts.timeoutMs / 1000)} s` : (err.cause?.code ?? err.message) },
    };
  }
  if (res.ok) return { ok: true, res };
  const detail = await detailOf(res);
  if (res.status === 429) {
    const header = res.headers.get('retry-after');
    return { ok: false, failure: { kind: 'rate-limited', retryAt: retryAtOf(`${detail}\n${header ? `retry-after: ${header}` : ''}`, opts.now()) } };
  }
  if (res.status === 401 || res.status === 403) return { ok: false, failure: { kind: 'auth', status: res.status, detail } };
  if (res.status >= 500) return { ok: false, failure: { kind: 'server', status: res.status } };
  return { ok: false, failure: { kind: 'other', detail: `HTTP ${res.status}: ${detail}` } };
}
