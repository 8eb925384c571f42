/**
 * Publishing through the real nx CLI against the local registry (the nx tier and the
 * campaigns): a copy of examples/mini-wasmtime with its own registry and CARGO_HOME, and nx
 * run asynchronously in a killable process group.
 */
import type { Registry, RegistryOptions } from '../../tools/local-registry';
import { nxKillable, type NxRun, type NxRunOptions } from './kill';
import { publishWorkspace } from './publish';
import { NX_ENV, type TempWorkspace } from './workspace';

export interface NxPublishSetup {
  ws: TempWorkspace;
  reg: Registry;
  /** This process's environment with the registry token (CARGO_REGISTRIES_LOCAL_TOKEN). */
  tokenEnv: NodeJS.ProcessEnv;
  /** A GitHub Actions job with `id-token: write` and no registry token. */
  oidcEnv: NodeJS.ProcessEnv;
  crates: Map<string, { version: string; needs: string[] }>;
  waves: string[][];
  /** nx in the workspace; `env` is the whole environment (default `tokenEnv`). */
  nx(args: string[], opts?: NxRunOptions & { env?: NodeJS.ProcessEnv }): Promise<NxRun>;
}

export async function setupNxPublish(registryOptions: RegistryOptions = {}, options: Record<string, unknown> = {}): Promise<NxPublishSetup> {
  const { cargoEnv, ...w } = await publishWorkspace(registryOptions, options);
  const tokenEnv = { ...process.env, ...NX_ENV, ...cargoEnv };
  const { CARGO_REGISTRIES_LOCAL_TOKEN: _, ...withoutToken } = tokenEnv;
  const oidcEnv = { ...withoutToken, ACTIONS_ID_TOKEN_REQUEST_URL: w.reg.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: w.reg.oidc.requestToken };
  return { ...w, tokenEnv, oidcEnv, nx: (args, opts = {}) => nxKillable(w.ws.dir, args, opts.env ?? tokenEnv, opts) };
}
