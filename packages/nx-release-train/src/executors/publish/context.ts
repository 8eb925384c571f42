/**
 * What the publish, verify and publish-plan executors share: the workspace model, the
 * plugin options (nx.json, with the executor's `registry` over them), the Cargo root, and
 * an index client for the chosen registry (token from the environment only).
 */
import type { ExecutorContext } from '@nx/devkit';
import path from 'node:path';
import type { Crate, Workspace } from '../../core/model';
import { resolveOptions, type ReleaseTrainOptions } from '../../core/options';
import { ReleaseError } from '../../core/release';
import { dirOf } from '../../core/paths';
import { tokenEnvVar } from '../../core/publish-retry';
import { registryIndexUrl } from '../../effects/cargo-config';
import { sparseIndexClient, type IndexClient } from '../../effects/registry-client';
import { loadWorkspace } from '../../effects/workspace-fs';
import { pluginOptionsOf } from '../shared';

export interface PublishContext {
  ws: Workspace;
  options: ReleaseTrainOptions;
  registry: string | null;
  /** Directory of the Cargo workspace root (where cargo runs). */
  cargoRoot: string;
  /** The registry's index URL from cargo's configuration. */
  indexUrl(): string;
  index(): IndexClient;
}

export class ContextError extends Error {}

export function publishContext(context: ExecutorContext, registryOverride?: string | null): PublishContext {
  const { options, problems } = resolveOptions(pluginOptionsOf(context));
  if (problems.length) {
    throw new ContextError(problems.map((p) => `nx.json: ${p.message}. Fix: ${p.fix}`).join('\n'));
  }
  const ws = loadWorkspace(context.root);
  const errors = ws.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) {
    throw new ContextError(errors.map((d) => `${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}. Fix: ${d.fix}`).join('\n'));
  }
  const registry = registryOverride !== undefined ? registryOverride : options.registry;
  const cargoRoot = path.join(context.root, dirOf(ws.rootManifest));
  let client: IndexClient | undefined;
  return {
    ws,
    options,
    registry,
    cargoRoot,
    indexUrl: () => registryIndexUrl(cargoRoot, registry),
    index: () => (client ??= sparseIndexClient(registryIndexUrl(cargoRoot, registry), process.env[tokenEnvVar(registry)])),
  };
}

/** The crate behind the project the executor runs for. */
export function crateOf(ctx: PublishContext, context: ExecutorContext): Crate {
  const name = context.projectName ?? '';
  const root = context.projectsConfigurations?.projects[name]?.root;
  const crate = ctx.ws.members.find((c) => c.name === name) ?? ctx.ws.members.find((c) => root !== undefined && c.dir === root);
  if (!crate) throw new ContextError(`project "${name}" is not a member of the Cargo workspace at ${ctx.ws.rootManifest}`);
  return crate;
}

/** One line for a failure: a ReleaseError with its fix, anything else with its message. */
export function errorText(e: unknown): string {
  return e instanceof ReleaseError ? `error: ${e.message}. Fix: ${e.fix}` : `error: ${(e as Error).message}`;
}
