/**
 * The registry's trusted-publishing configs API (SPEC §7): `GET {api}/api/v1/trusted_publishing/github_configs?crate=`
 * and `POST` the same path, with an API token of the `trusted-publishing` scope in
 * `Authorization`. The token is never logged; answers come back as data or as the registry's
 * own error text.
 */
import type { GithubConfig } from '../core/publishing/trust-configs';

export type ConfigsAnswer<T> = { ok: true; value: T } | { ok: false; status: number | null; detail: string };

export interface TrustConfigsClient {
  list(crate: string): Promise<ConfigsAnswer<GithubConfig[]>>;
  create(config: Omit<GithubConfig, 'id'>): Promise<ConfigsAnswer<GithubConfig>>;
}

export function trustConfigsClient(apiUrl: string, token: string, fetchImpl: typeof fetch = fetch): TrustConfigsClient {
  const endpoint = `${apiUrl.replace(/\/+$/, '')}/api/v1/trusted_publishing/github_configs`;
  const headers = { authorization: token, accept: 'application/json', 'content-type': 'application/json' };

  async function call<T>(url: string, init: RequestInit, read: (body: unknown) => T | undefined): Promise<ConfigsAnswer<T>> {
    let res: Response;
    try {
      res = await fetchImpl(url, { ...init, headers });
    } catch (e) {
      return { ok: false, status: null, detail: (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message };
    }
    const text = await res.text().catch(() => '');
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is the detail
    }
    if (!res.ok) {
      const detail = (body as { errors?: Array<{ detail?: string }> } | null)?.errors?.[0]?.detail ?? text.slice(0, 300);
      return { ok: false, status: res.status, detail: `HTTP ${res.status}: ${detail}` };
    }
    const value = read(body);
    return value === undefined ? { ok: false, status: res.status, detail: 'the answer is not the expected JSON' } : { ok: true, value };
  }

  return {
    list: (crate) =>
      call(`${endpoint}?crate=${encodeURIComponent(crate)}`, { method: 'GET' }, (b) => {
        const list = (b as { github_configs?: unknown } | null)?.github_configs;
        return Array.isArray(list) ? (list as GithubConfig[]) : undefined;
      }),
    create: (config) =>
      call(endpoint, { method: 'POST', body: JSON.stringify({ github_config: config }) }, (b) => (b as { github_config?: GithubConfig } | null)?.github_config),
  };
}
