/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<name>.yml (see
 * core/ci-workflow.ts). Branch and tag filters come from the plugin's patterns, the token
 * variable from its `registry` setting, one artifact job per entry of `artifacts.builds`. `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { platformName } from '../../core/artifacts/platform';
import { ciArtifactsWorkflow, ciWorkflow, type CiWorkflowOptions } from '../../core/ci-workflow';
import { ReleaseError } from '../../core/errors';
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
  const name = schema.name ?? 'release-train';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ReleaseError(`--name "${name}" is not a file name`, `use letters, digits, ".", "_" or "-" (it becomes .github/workflows/${name}.yml)`);
  }
  const tokenEnv = tokenEnvVar(options.registry);
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
    publishEnvironment: schema.publishEnvironment ?? 'publish',
    builds: options.artifacts.builds.map((b) => ({ ...b, platform: platformName(b.target, options.artifacts.platforms) })),
    outputDir: options.artifacts.outputDir,
    bindings: (options.bindings.repos ?? []).length > 0,
    reusableWorkflow: options.artifacts.reusableWorkflow ? `${name}-artifacts` : undefined,
  };
  // Both files are checked before either is written.
  const text = ciWorkflow(workflow);
  const artifacts = workflow.reusableWorkflow ? ciArtifactsWorkflow(workflow, name) : undefined;
  tree.write(`.github/workflows/${name}.yml`, text);
  if (artifacts) tree.write(`.github/workflows/${workflow.reusableWorkflow}.yml`, artifacts);
}

export default ciWorkflowGenerator;
