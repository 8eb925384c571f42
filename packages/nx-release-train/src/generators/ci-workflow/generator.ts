/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<releaseWorkflow> (see
 * core/ci-workflow.ts), its options from the plugin settings and the flags
 * (core/ci-workflow-settings.ts): the file name and the publish environment from the settings
 * `releaseWorkflow` and `publishEnvironment`, which `nx release-trust` registers on the registry
 * (one place for both). `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { ciArtifactsWorkflow, ciWorkflow } from '../../core/ci-workflow';
import { ciWorkflowOptions, workflowBaseName, type CiWorkflowFlags } from '../../core/ci-workflow-settings';
import { PLUGIN_NAME } from '../../core/plugin-name';
import { pluginOptions, type PluginEntry } from '../../core/settings/nx-json';
import { OptionsError, resolveOptions } from '../../core/settings/options';

export async function ciWorkflowGenerator(tree: Tree, schema: CiWorkflowFlags): Promise<void> {
  const raw = pluginOptions(readNxJson(tree)?.plugins as PluginEntry[] | undefined, PLUGIN_NAME);
  const { options, problems } = resolveOptions(raw);
  if (problems.length) throw new OptionsError(problems);
  const workflow = ciWorkflowOptions(options, schema);
  // Both files are checked before either is written.
  const text = ciWorkflow(workflow);
  const artifacts = workflow.reusableWorkflow ? ciArtifactsWorkflow(workflow, workflowBaseName(options)) : undefined;
  tree.write(`.github/workflows/${options.releaseWorkflow}`, text);
  if (artifacts) tree.write(`.github/workflows/${workflow.reusableWorkflow}.yml`, artifacts);
}

export default ciWorkflowGenerator;
