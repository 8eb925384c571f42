/**
 * Publishing in-process against the local registry: a copy of examples/mini-wasmtime (a git
 * repo, as cargo publish expects), its own registry and CARGO_HOME, and the publishing
 * commands run as their executors run them (flags through the zod schemas, the request
 * resolved by the command's own `resolve` from the environment given here).
 *
 * Cargo runs as a child of this process: CARGO_HOME (where the registry is configured) is
 * set in this process's environment for the test; tokens are not, they travel in the request.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, vi } from 'vitest';
import { publishCommand } from '../../packages/nx-release-train/src/commands/publish';
import { publishAll, type PublishTaskResult } from '../../packages/nx-release-train/src/commands/publish/publish-all';
import { formatFailure } from '../../packages/nx-release-train/src/core/errors';
import { rememberRunSecrets } from '../../packages/nx-release-train/src/core/secrets';
import { parseFlags } from '../../packages/nx-release-train/src/core/flags/define';
import { publishFlags, type PublishFlags } from '../../packages/nx-release-train/src/core/flags/publish';
import { pluginOptions, type PluginEntry } from '../../packages/nx-release-train/src/core/settings/nx-json';
import { resolveOptions } from '../../packages/nx-release-train/src/core/settings/options';
import { publishOrder } from '../../packages/nx-release-train/src/core/publishing/order';
import { loadWorkspace } from '../../packages/nx-release-train/src/effects/workspace-fs';
import { realServices } from '../../packages/nx-release-train/src/executors/services';
import { startRegistry, writeCargoHome, type Registry, type RegistryOptions } from '../../tools/local-registry';
import { captureLog } from './command';
import { exampleRoot, makeWorkspace, type TempWorkspace } from './workspace';

export const hasCargo = spawnSync('cargo', ['--version']).status === 0;

export interface PublishSetup {
  ws: TempWorkspace;
  reg: Registry;
  /** The registry token in its variable (CARGO_REGISTRIES_LOCAL_TOKEN), as a CI job has it. */
  tokenEnv: Record<string, string>;
  /** A GitHub Actions job with `id-token: write` and no registry token. */
  oidcEnv: Record<string, string>;
  /** Publishable crates: name -> version and the crates it needs first. */
  crates: Map<string, { version: string; needs: string[] }>;
  waves: string[][];
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const c of cleanups.splice(0)) await c();
});

/** The workspace, its registry and CARGO_HOME (removed after the test); `cargoEnv`: CARGO_HOME and the token. */
export async function publishWorkspace(registryOptions: RegistryOptions = {}, options: Record<string, unknown> = {}) {
  const ws = makeWorkspace({ from: exampleRoot, git: true, options: { registry: 'local', ...options } });
  const reg = await startRegistry(registryOptions);
  const home = mkdtempSync(join(tmpdir(), 'nrt-cargo-home-'));
  cleanups.push(
    () => reg.stop(),
    ws.cleanup,
    () => rmSync(home, { recursive: true, force: true }),
  );
  const cargoEnv = writeCargoHome(home, reg);
  const model = loadWorkspace(ws.dir);
  const order = publishOrder(model);
  const crates = new Map(model.members.filter((c) => c.publishable).map((c) => [c.name, { version: c.version, needs: order.needs[c.name] }]));
  return { ws, reg, cargoEnv, crates, waves: order.waves };
}

export async function setupPublish(registryOptions: RegistryOptions = {}, options: Record<string, unknown> = {}): Promise<PublishSetup> {
  const { cargoEnv, ...w } = await publishWorkspace(registryOptions, options);
  const { CARGO_HOME, ...token } = cargoEnv;
  vi.stubEnv('CARGO_HOME', CARGO_HOME);
  return {
    ...w,
    tokenEnv: { CARGO_HOME, ...token },
    oidcEnv: { CARGO_HOME, ACTIONS_ID_TOKEN_REQUEST_URL: w.reg.oidc.requestUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: w.reg.oidc.requestToken },
  };
}

export interface AllRun {
  ok: boolean;
  out: string;
  results: PublishTaskResult[];
}

/**
 * Every crate's publish task in one run, as `nx run-many -t publish` hands them to the batch:
 * each task resolved from the same flags, each depending on the crates it needs (`^publish`).
 */
export async function publishEveryCrate(s: PublishSetup, flags: Record<string, unknown>, env: Record<string, string>): Promise<AllRun> {
  const { log, lines } = captureLog();
  const results: PublishTaskResult[] = [];
  try {
    const nxJson = JSON.parse(readFileSync(join(s.ws.dir, 'nx.json'), 'utf8')) as { plugins?: PluginEntry[] };
    const { options } = resolveOptions((pluginOptions(nxJson.plugins, 'nx-release-train') as object | undefined) ?? {});
    const model = loadWorkspace(s.ws.dir);
    const needs = publishOrder(model).needs;
    rememberRunSecrets(env, options);
    const parsed = parseFlags(publishFlags, flags) as PublishFlags;
    const tasks = model.members.map((c) => ({
      id: `${c.name}:publish`,
      request: publishCommand.resolve({ flags: parsed, options, env, root: s.ws.dir, project: { name: c.name, root: c.dir } }),
      dependsOn: (needs[c.name] ?? []).map((d) => `${d}:publish`),
    }));
    for await (const r of publishAll(tasks, realServices(s.ws.dir, log))) results.push(r);
  } catch (e) {
    lines.push(formatFailure(e));
    return { ok: false, out: lines.join('\n'), results };
  }
  return { ok: results.length > 0 && results.every((r) => r.status === 'success'), out: lines.join('\n'), results };
}

type Published = Pick<PublishSetup, 'reg' | 'crates'>;

/** Every publishable crate's version is in the registry, uploaded exactly once. */
export function expectEachPublishedOnce(s: Published): void {
  for (const [name, { version }] of s.crates) {
    expect(s.reg.published(name), name).toEqual([version]);
    const stored = s.reg.events.filter((e) => e.route === 'publish' && e.crate === name && e.status === 200);
    expect(stored.length, `${name}: successful uploads`).toBeLessThanOrEqual(1);
  }
}

/** No crate was uploaded before every crate it needs was visible in the index. */
export function expectDependencyOrder(s: Published): void {
  for (const [name, { needs }] of s.crates) {
    const firstUpload = s.reg.events.find((e) => e.route === 'publish' && e.crate === name);
    if (!firstUpload) continue;
    for (const dep of needs) {
      const v = s.reg.version(dep, s.crates.get(dep)!.version);
      expect(v, `${dep} (needed by ${name})`).toBeDefined();
      expect(firstUpload.at, `${name} uploaded before ${dep} was visible`).toBeGreaterThanOrEqual(v!.visibleAt);
    }
  }
}

export const publishAttempts = (s: Pick<PublishSetup, 'reg'>, name: string) => s.reg.events.filter((e) => e.route === 'publish' && e.crate === name).length;
