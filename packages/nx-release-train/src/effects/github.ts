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
  ) {
    super(
      `GitHub API: ${action} failed${status ? ` (HTTP ${status})` : ''}: ${detail}`,
      status === 401 || status === 403
        ? 'check that GITHUB_TOKEN is set and may do this on the repository'
        : 'rerun once GitHub answers again; finished steps are not repeated',
    );
  }
}

export async function call<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { status?: number; response?: { data?: { message?: string; errors?: unknown } }; message?: string };
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
export async function octokitFor(token: string, baseUrl: string): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => undefined;
  return new Octokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent: PLUGIN_NAME,
    log: { debug: quiet, info: quiet, warn: (m: string) => console.warn(m), error: quiet },
  });
}
