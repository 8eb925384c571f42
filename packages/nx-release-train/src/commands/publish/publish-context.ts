/**
 * What the publish, verify and publish-plan executors share: the workspace model, the
 * plugin options (nx.json, with the executor's `registry` over them), the Cargo root, and
 * an index client for the chosen registry (token from the environment only).
 */
import path from 'node:path';
import { ReleaseError } from '../../core/errors';
import type { Crate, Workspace } from '../../core/model';
import { registryNameProblem } from '../../core/settings/option-checks';
import type { ReleaseTrainOptions } from '../../core/settings/options';
import { dirOf } from '../../core/paths';
import { tokenEnvVar } from '../../core/publish-retry';
import { registryIndexUrl } from '../../effects/cargo-config';
import { sparseIndexClient, type IndexClient } from '../../effects/registry-client';
import { workspaceModel } from '../../effects/workspace-model';

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

export function publishContext(root: string, options: ReleaseTrainOptions, registryOverride?: string | null): PublishContext {
  // The model the graph built, from its cache when the manifests are unchanged.
  const ws = workspaceModel(root);
  const errors = ws.diagnostics.filter((d) => d.level === 'error');
  if (errors.length) {
    throw new ReleaseError('the Cargo workspace has problems; nothing was published', 'fix every problem listed, then rerun', { problems: errors });
  }
  const registry = registryOverride !== undefined ? registryOverride : options.registry;
  const badName = registry === null ? null : registryNameProblem(registry);
  // The flag is named when the flag gave the name: the setting may be fine.
  if (badName) {
    const where = registryOverride !== undefined ? '--registry' : 'setting "registry" in nx.json';
    throw new ReleaseError(`${where}=${JSON.stringify(registry)} ${badName}`, "name a registry from cargo's configuration ([registries.<name>]), or leave it out for crates.io");
  }
  const cargoRoot = path.join(root, dirOf(ws.rootManifest));
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

/** The crate behind the project the executor runs for (`root`: the project's directory). */
export function crateOf(ctx: PublishContext, name: string, root: string | undefined): Crate {
  const crate = ctx.ws.members.find((c) => c.name === name) ?? ctx.ws.members.find((c) => root !== undefined && c.dir === root);
  if (!crate) {
    throw new ReleaseError(`project "${name}" is not a member of the Cargo workspace at ${ctx.ws.rootManifest}`, 'run the target on a project inferred by nx-release-train (`nx show projects`)');
  }
  return crate;
}
