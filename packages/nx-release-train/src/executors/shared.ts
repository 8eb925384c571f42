/**
 * The plugin settings as every executor works with them: nx.json's (the ones Nx already read
 * for this run), with a target's own settings over them, checked against the one schema and
 * against the workspace (effects/run-settings.ts), refused when invalid (the graph reported
 * any problem already). Resolved once per process per nx.json.
 */
import type { ExecutorContext } from '@nx/devkit';
import { PLUGIN_NAME } from '../core/plugin-name';
import { pluginOptions, type PluginEntry } from '../core/settings/nx-json';
import type { ReleaseTrainOptions } from '../core/settings/options';
import { runSettings } from '../effects/run-settings';

const resolved = new WeakMap<object, Promise<ReleaseTrainOptions>>();

export function resolvedOptions(context: ExecutorContext, overrides: Record<string, unknown> = {}): Promise<ReleaseTrainOptions> {
  const raw = pluginOptions(context.nxJsonConfiguration?.plugins as PluginEntry[] | undefined, PLUGIN_NAME);
  const key = Object.keys(overrides).length === 0 && raw && typeof raw === 'object' ? raw : undefined;
  const cached = key && resolved.get(key);
  if (cached) return cached;
  const options = runSettings(context.root, { ...((raw as object | undefined) ?? {}), ...overrides });
  if (key) resolved.set(key, options);
  return options;
}
