/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<name>.yml (see
 * core/ci-workflow.ts), its options from the plugin settings and the flags
 * (core/ci-workflow-settings.ts). `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { ciWorkflow } from '../../core/ci-workflow';
import { ciWorkflowOptions } from '../../core/ci-workflow-settings';
import { ReleaseError } from '../../core/errors';
import { PLUGIN_NAME } from '../../core/plugin-name';
import { pluginOptions, type PluginEntry } from '../../core/settings/nx-json';
import { OptionsError, resolveOptions } from '../../core/settings/options';
import type { CiWorkflowGeneratorSchema } from './schema';

export async function ciWorkflowGenerator(tree: Tree, schema: CiWorkflowGeneratorSchema): Promise<void> {
  const raw = pluginOptions(readNxJson(tree)?.plugins as PluginEntry[] | undefined, PLUGIN_NAME);
  const { options, problems } = resolveOptions(raw);
  if (problems.length) throw new OptionsError(problems);
  const name = schema.name ?? 'release-train';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ReleaseError(`--name "${name}" is not a file name`, `use letters, digits, ".", "_" or "-" (it becomes .github/workflows/${name}.yml)`);
  }
  tree.write(`.github/workflows/${name}.yml`, ciWorkflow(ciWorkflowOptions(options, schema)));
}

export default ciWorkflowGenerator;
