/**
 * The plugin settings as every executor works with them: nx.json's (the ones Nx already read
 * for this run), with a target's own settings over them, checked against the one schema and
 * refused when invalid (the graph reported any problem already). Resolved once per process
 * per nx.json.
 */
import type { ExecutorContext } from '@nx/devkit';
import { pluginOptions, type PluginEntry } from '../core/nx-json';
import { OptionsError, resolveOptions, type ReleaseTrainOptions } from '../core/options';

const resolved = new WeakMap<object, ReleaseTrainOptions>();

export function resolvedOptions(context: ExecutorContext, overrides: Record<string, unknown> = {}): ReleaseTrainOptions {
  const raw = pluginOptions(context.nxJsonConfiguration?.plugins as PluginEntry[] | undefined, 'nx-release-train');
  const key = Object.keys(overrides).length === 0 && raw && typeof raw === 'object' ? raw : undefined;
  const cached = key && resolved.get(key);
  if (cached) return cached;
  const { options, problems } = resolveOptions({ ...((raw as object | undefined) ?? {}), ...overrides });
  if (problems.length > 0) throw new OptionsError(problems);
  if (key) resolved.set(key, options);
  return options;
}
