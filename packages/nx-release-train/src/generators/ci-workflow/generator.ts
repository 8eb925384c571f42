/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<releaseWorkflow> (see
 * core/ci-workflow.ts). Branch and tag filters come from the plugin's patterns, the token
 * variable from its `registry` setting, the artifact jobs from `artifactRunners`; the file name
 * and the publish environment from the settings `releaseWorkflow` and `publishEnvironment`,
 * which `nx release-trust` registers on the registry (one place for both). `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { ciWorkflow } from '../../core/ci-workflow';
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
  tree.write(
    `.github/workflows/${options.releaseWorkflow}`,
    ciWorkflow({
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
      platforms: Object.entries(options.artifactRunners).map(([target, runner]) => ({ target, runner })),
      bindings: (options.bindings.repos ?? []).length > 0,
    }),
  );
}

export default ciWorkflowGenerator;
