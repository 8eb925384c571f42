/**
 * Reads a crate's versions from a sparse registry index over HTTP (what cargo reads), so the
 * publish target can tell "already published" from "not yet visible" without cargo.
 * https://doc.rust-lang.org/cargo/reference/registry-index.html#sparse-protocol
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ReleaseError } from '../core/errors';

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

/**
 * `indexUrl` as cargo's configuration holds it (`sparse+https://.../`). The token is sent
 * only when the registry's config.json says `auth-required`, as cargo does.
 */
export function sparseIndexClient(indexUrl: string, token: string | undefined, fetchImpl: typeof fetch = fetch): IndexClient {
  if (!indexUrl.startsWith('sparse+')) {
    throw new IndexError(
      `index ${indexUrl} is not a sparse index; the publish target reads sparse indexes only`,
      `use the registry's sparse URL (index = "sparse+https://...") in cargo's configuration`,
    );
  }
  const base = indexUrl.slice('sparse+'.length).replace(/\/?$/, '/');
  let authRequired: Promise<boolean> | undefined;

  const get = async (rel: string, auth: boolean) => {
    const headers: Record<string, string> = { 'cache-control': 'no-cache' };
    if (auth && token) headers.authorization = token;
    try {
      return await fetchImpl(new URL(rel, base), { headers });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new IndexError(`cannot reach the index at ${base}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
  };

  return {
    async versions(crate) {
      authRequired ??= get('config.json', true).then(async (r) => {
        if (!r.ok) throw new IndexError(`${base}config.json answered HTTP ${r.status}`);
        return ((await r.json()) as { 'auth-required'?: boolean })['auth-required'] === true;
      });
      const res = await get(sparsePath(crate), await authRequired);
      if ([404, 410, 451].includes(res.status)) return [];
      if (res.status === 401 || res.status === 403) {
        throw new IndexError(`the index at ${base} refused to show ${crate} (HTTP ${res.status})`, 'check the registry token');
      }
      if (!res.ok) throw new IndexError(`the index at ${base} answered HTTP ${res.status} for ${crate}`);
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
export async function registryApiUrl(indexUrl: string, token: string | undefined, fetchImpl: typeof fetch = fetch): Promise<string> {
  const base = indexUrl.replace(/^sparse\+/, '').replace(/\/?$/, '/');
  let res: Response;
  try {
    res = await fetchImpl(new URL('config.json', base), { headers: token ? { authorization: token } : {} });
  } catch (e) {
    throw new IndexError(`cannot reach the index at ${base}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new IndexError(`${base}config.json answered HTTP ${res.status}`);
  const api = ((await res.json()) as { api?: unknown }).api;
  if (typeof api !== 'string' || !api) {
    throw new IndexError(`${base}config.json has no "api": the registry does not accept uploads through an API`);
  }
  return api;
}
