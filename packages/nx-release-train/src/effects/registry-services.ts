/** A Cargo registry as commands reach it: its sparse index and its web API. */
import { registryApiUrl, sparseIndexClient, type IndexClient } from './registry-client';
import { trustConfigsClient, type TrustConfigsClient } from './trust-configs';

export interface RegistryServices {
  /** A client of the sparse index at `indexUrl` (token for private registries). */
  index(indexUrl: string, token: string | undefined): IndexClient;
  /** The registry's web API base, from the index's config.json. */
  apiUrl(indexUrl: string, token: string | undefined): Promise<string>;
  /** The trusted-publishing configs API below `apiUrl`, with a token of the trusted-publishing scope. */
  trustConfigs(apiUrl: string, token: string): TrustConfigsClient;
  fetch: typeof fetch;
}

export const realRegistry: RegistryServices = {
  index: (url, token) => sparseIndexClient(url, token),
  apiUrl: (url, token) => registryApiUrl(url, token),
  trustConfigs: (apiUrl, token) => trustConfigsClient(apiUrl, token),
  fetch: (...args) => fetch(...args),
};
