/**
 * `nx g nx-release-train:init [--preset=wasmtime] [--jsTooling]` (also what `nx add
 * nx-release-train` runs): registers the plugin in nx.json, and with --jsTooling keeps Nx's
 * JavaScript plugins out of the workspace (core/settings/js-tooling.ts). Idempotent: other plugins are kept, and settings already
 * written win over the preset's, so a second run changes nothing.
 */
import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { ReleaseError } from '../../core/errors';
import { PLUGIN_NAME } from '../../core/plugin-name';
import { nxignoreWithJsOff, withJsPluginOff } from '../../core/settings/js-tooling';
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
  // --jsTooling: Nx's JS plugins leave the workspace's JavaScript projects and lock file alone.
  const next = schema.jsTooling ? (withJsPluginOff({ ...nxJson, plugins }) as typeof nxJson) : { ...nxJson, plugins };
  if (JSON.stringify(next) !== JSON.stringify(nxJson)) updateNxJson(tree, next);
  if (schema.jsTooling) {
    const ignore = nxignoreWithJsOff(tree.exists('.nxignore') ? tree.read('.nxignore', 'utf-8') : null);
    if (ignore !== null) tree.write('.nxignore', ignore);
  }
}

export default initGenerator;
