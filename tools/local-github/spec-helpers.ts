/** Shared by this tool's specs: an Octokit on the local server, and a failure's details. */
import type { GitHubApi } from './index';

export type Octokit = import('@octokit/rest').Octokit;
export const TOKEN = 'test-token-123';

/** `auth: null` sends no Authorization header at all. */
export async function client(api: GitHubApi, auth: string | null = TOKEN): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest');
  const quiet = () => {};
  return new Octokit({ ...(auth === null ? {} : { auth }), baseUrl: api.url, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

/** The status and body Octokit's RequestError carries (500 for a connection with no answer). */
export async function failure(p: Promise<unknown>): Promise<{ status?: number; message: string; data?: any }> {
  try {
    await p;
  } catch (err: any) {
    return { status: err.status, message: err.message, data: err.response?.data };
  }
  throw new Error('expected the request to fail');
}
