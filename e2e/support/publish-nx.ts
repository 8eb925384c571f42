/**
 * Publishing through the real nx CLI against the local registry (the nx tier and the
 * campaigns): a copy of examples/mini-wasmtime with its own registry and CARGO_HOME, and nx
 * run asynchronously in a killable process group.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { publishOrder } from '../../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../../packages/nx-release-train/src/effects/workspace-fs';
import { startRegistry, writeCargoHome, type Registry, type RegistryOptions } from '../../tools/local-registry';
import { nxKillable, type NxRun, type NxRunOptions } from './kill-publish';
import { exampleRoot, makeWorkspace, NX_ENV, type TempWorkspace } from './workspace';

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

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

export async function setupNxPublish(registryOptions: RegistryOptions = {}, options: Record<string, unknown> = {}): Promise<NxPublishSetup> {
  const ws = makeWorkspace({ from: exampleRoot, git: true, options: { registry: 'local', ...options } });
  const reg = await startRegistry(registryOptions);
  const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
  cleanups.push(() => reg.stop(), ws.cleanup, () => rmSync(home, { recursive: true, force: true }));
  const tokenEnv = { ...process.env, ...NX_ENV, ...writeCargoHome(home, reg) };
  const { CARGO_REGISTRIES_LOCAL_TOKEN: _, ...withoutToken } = tokenEnv;
  const oidcEnv = { ...withoutToken, ACTIONS_ID_TOKEN_REQUEST_URL: reg.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: reg.oidc.requestToken };
  const model = loadWorkspace(ws.dir);
  const order = publishOrder(model);
  const crates = new Map(model.members.filter((c) => c.publishable).map((c) => [c.name, { version: c.version, needs: order.needs[c.name] }]));
  return { ws, reg, tokenEnv, oidcEnv, crates, waves: order.waves, nx: (args, opts = {}) => nxKillable(ws.dir, args, opts.env ?? tokenEnv, opts) };
}
