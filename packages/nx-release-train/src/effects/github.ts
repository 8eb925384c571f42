/**
 * The GitHub REST API through Octokit (ESM only, loaded lazily), with failures turned into
 * one sentence naming the action, the HTTP status and GitHub's own message.
 */
import { ReleaseError } from '../core/errors';
import { PLUGIN_NAME } from '../core/plugin-name';

export class GitHubError extends ReleaseError {
  constructor(
    readonly action: string,
    readonly status: number | null,
    detail: string,
    /** No answer within the time bound (status is null then). */
    readonly timedOut = false,
  ) {
    super(
      `GitHub API: ${action} failed${status ? ` (HTTP ${status})` : timedOut ? ' (timed out)' : ' (no answer)'}: ${detail}`,
      status === 401 || status === 403
        ? 'check that GITHUB_TOKEN is set and may do this on the repository'
        : timedOut
          ? 'GitHub (or the API URL: $GITHUB_API_URL, setting githubApiUrl) did not answer in time: check its status and rerun; finished steps are not repeated'
          : 'rerun once GitHub answers again; finished steps are not repeated',
    );
  }
}

/** Longest wait for one answer from the API; uploads of release archives get longer. */
export const GITHUB_TIMEOUT_MS = 60_000;
export const GITHUB_UPLOAD_TIMEOUT_MS = 15 * 60_000;

export async function call<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as {
      status?: number;
      response?: { data?: { message?: string; errors?: unknown } };
      message?: string;
      name?: string;
      cause?: { name?: string };
    };
    // Octokit reports a request that got no answer as "HTTP 500" without a response: say what happened.
    if (!e.response && (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError')) {
      throw new GitHubError(action, null, e.message ?? 'no answer', true);
    }
    if (!e.response && e.status === 500) throw new GitHubError(action, null, e.message ?? String(err));
    const data = e.response?.data;
    const errors = Array.isArray(data?.errors)
      ? (data.errors as Array<{ message?: string } | string>).map((x) => (typeof x === 'string' ? x : (x.message ?? JSON.stringify(x)))).join('; ')
      : data?.errors
        ? JSON.stringify(data.errors)
        : '';
    const detail = data?.message ? `${data.message}${errors ? `: ${errors}` : ''}` : (e.message ?? String(err));
    throw new GitHubError(action, typeof e.status === 'number' ? e.status : null, detail);
  }
}

export type Octokit = InstanceType<typeof import('@octokit/rest').Octokit>;

/**
 * An Octokit client. Octokit would log every non-2xx answer, including a 404 that only means
 * "not there yet"; failures are reported by `call` instead, in words.
 */
export async function octokitFor(
  token: string,
  baseUrl: string,
  bounds = { timeoutMs: GITHUB_TIMEOUT_MS, uploadTimeoutMs: GITHUB_UPLOAD_TIMEOUT_MS },
): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  // Every request bounded in time (a hanging API fails, it does not wait forever); a release
  // archive's upload (POST .../assets) gets the longer bound.
  const bounded: typeof fetch = (url, init = {}) => {
    const upload = init.method === 'POST' && /\/assets(\?|$)/.test(String(url));
    const ms = upload ? bounds.uploadTimeoutMs : bounds.timeoutMs;
    const limit = AbortSignal.timeout(ms);
    return fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, limit]) : limit }).catch((err: unknown) => {
      if (!limit.aborted) throw err;
      throw Object.assign(new Error(`no answer within ${Math.ceil(ms / 1000)} s`), { name: 'TimeoutError' });
    });
  };
  return new Octokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: PLUGIN_NAME,
    request: { fetch: bounded },
    log: { debug: quiet, info: quiet, warn: (m: string) => console.warn(m), error: quiet },
  });
}
