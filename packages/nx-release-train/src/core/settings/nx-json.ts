/** Pure edits of nx.json's `plugins` list. */

export type PluginEntry = string | { plugin: string; options?: unknown; [key: string]: unknown };

/**
 * Returns the list with `name` registered once. Existing options win over `defaults`
 * (a preset only fills settings that are not there yet); other plugins keep their place.
 */
export function registerPlugin(plugins: PluginEntry[], name: string, defaults?: object): PluginEntry[] {
  const index = plugins.findIndex((p) => (typeof p === 'string' ? p : p.plugin) === name);
  if (index < 0) return [...plugins, defaults ? { plugin: name, options: { ...defaults } } : name];
  if (!defaults) return plugins;
  const current = plugins[index];
  const entry = typeof current === 'string' ? { plugin: name } : current;
  const options = { ...defaults, ...((entry.options as object | undefined) ?? {}) };
  const next = [...plugins];
  next[index] = { ...entry, options };
  return next;
}

export function pluginOptions(plugins: PluginEntry[] | undefined, name: string): unknown {
  const entry = (plugins ?? []).find((p) => (typeof p === 'string' ? p : p.plugin) === name);
  return entry && typeof entry === 'object' ? entry.options : undefined;
}
