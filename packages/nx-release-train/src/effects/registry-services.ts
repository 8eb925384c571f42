/** A Cargo registry as commands reach it: its sparse index and its web API. */
import { registryApiUrl, sparseIndexClient, type IndexClient } from './registry-client';

export interface RegistryServices {
  /** A client of the sparse index at `indexUrl` (token for private registries). */
  index(indexUrl: string, token: string | undefined): IndexClient;
  /** The registry's web API base, from the index's config.json. */
  apiUrl(indexUrl: string, token: string | undefined): Promise<string>;
  fetch: typeof fetch;
}

export const realRegistry: RegistryServices = {
  index: (url, token) => sparseIndexClient(url, token),
  apiUrl: (url, token) => registryApiUrl(url, token),
  fetch: (...args) => fetch(...args),
};
