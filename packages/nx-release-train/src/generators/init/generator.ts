/**
 * `nx g nx-release-train:init [--preset=wasmtime]` (also what `nx add nx-release-train` runs):
 * registers the plugin in nx.json. Idempotent: other plugins are kept, and settings already
 * written win over the preset's, so a second run changes nothing.
 */
import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { ReleaseError } from '../../core/errors';
import { PLUGIN_NAME } from '../../core/plugin-name';
import { registerPlugin } from '../../core/settings/nx-json';
import { PRESETS } from '../../presets';
import type { InitGeneratorSchema } from './schema';

export async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<void> {
  const preset = schema.preset ? PRESETS[schema.preset] : undefined;
  if (schema.preset && !preset) {
    throw new ReleaseError(`unknown preset "${schema.preset}"`, `use one of: ${Object.keys(PRESETS).join(', ')}`);
  }
  const nxJson = readNxJson(tree) ?? {};
  const plugins = registerPlugin(nxJson.plugins ?? [], PLUGIN_NAME, preset);
  if (JSON.stringify(plugins) !== JSON.stringify(nxJson.plugins ?? [])) {
    updateNxJson(tree, { ...nxJson, plugins });
  }
}

export default initGenerator;
