/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<releaseWorkflow> (see
 * core/ci-workflow.ts). Branch and tag filters come from the plugin's patterns, the token
 * variable from its `registry` setting, one artifact job per entry of `artifacts.builds`; the file
 * name and the publish environment from the settings `releaseWorkflow` and `publishEnvironment`,
 * which `nx release-trust` registers on the registry (one place for both). `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { platformName } from '../../core/artifacts/platform';
import { ciArtifactsWorkflow, ciWorkflow, type CiWorkflowOptions } from '../../core/ci-workflow';
import { PLUGIN_NAME } from '../../core/plugin-name';
import { pluginOptions, type PluginEntry } from '../../core/settings/nx-json';
import { OptionsError, resolveOptions } from '../../core/settings/options';
import { tokenEnvVar } from '../../core/publishing/retry';
import type { CiWorkflowGeneratorSchema } from './schema';

/** `release-{version}` -> `release-*`, as GitHub's branch and tag filters take it. */
const toFilter = (pattern: string) => pattern.replace(/\{[a-z]+\}/g, '*').replace(/\*(\.\*)+/g, '*');

export async function ciWorkflowGenerator(tree: Tree, schema: CiWorkflowGeneratorSchema): Promise<void> {
  const raw = pluginOptions(readNxJson(tree)?.plugins as PluginEntry[] | undefined, PLUGIN_NAME);
  const { options, problems } = resolveOptions(raw);
  if (problems.length) throw new OptionsError(problems);
  const tokenEnv = tokenEnvVar(options.registry);
  // The reusable workflow of the platform jobs is named after the train's file.
  const name = options.releaseWorkflow.replace(/\.ya?ml$/, '');
  const workflow: CiWorkflowOptions = {
    cutDay: schema.cutDay ?? 5,
    releaseDay: schema.releaseDay ?? 20,
    hour: schema.hour ?? 12,
    ciWorkflow: schema.ciWorkflow ?? 'CI',
    releaseBranches: toFilter(options.branchPattern),
    tagPattern: toFilter(options.tagPattern),
    nodeVersion: schema.nodeVersion ?? '20',
    tokenEnv,
    tokenSecret: schema.tokenSecret ?? tokenEnv,
    githubTokenEnv: options.githubTokenEnv,
    releaseTokenSecret: schema.releaseTokenSecret ?? 'RELEASE_TOKEN',
    bindingsTokenSecret: schema.bindingsTokenSecret ?? 'BINDINGS_TOKEN',
    yankTokenEnv: options.yankTokenVariable,
    yankTokenSecret: schema.yankTokenSecret ?? options.yankTokenVariable,
    publishEnvironment: options.publishEnvironment,
    trustTokenEnv: options.trustTokenVariable,
    trustTokenSecret: schema.trustTokenSecret ?? options.trustTokenVariable,
    builds: options.artifacts.builds.map((b) => ({ ...b, platform: platformName(b.target, options.artifacts.platforms) })),
    outputDir: options.artifacts.outputDir,
    bindings: (options.bindings.repos ?? []).length > 0,
    reusableWorkflow: options.artifacts.reusableWorkflow ? `${name}-artifacts` : undefined,
  };
  // Both files are checked before either is written.
  const text = ciWorkflow(workflow);
  const artifacts = workflow.reusableWorkflow ? ciArtifactsWorkflow(workflow, name) : undefined;
  tree.write(`.github/workflows/${options.releaseWorkflow}`, text);
  if (artifacts) tree.write(`.github/workflows/${workflow.reusableWorkflow}.yml`, artifacts);
}

export default ciWorkflowGenerator;
