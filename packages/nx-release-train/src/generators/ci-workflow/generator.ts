/**
 * `nx g nx-release-train:ci-workflow`: writes .github/workflows/<name>.yml (see
 * core/ci-workflow.ts). Branch and tag filters come from the plugin's patterns, the token
 * variable from its `registry` setting, the artifact jobs from `artifactRunners`. `--dry-run` shows the file without writing it.
 */
import { readNxJson, type Tree } from '@nx/devkit';
import { ciWorkflow } from '../../core/ci-workflow';
import { ReleaseError } from '../../core/errors';
import { pluginOptions, type PluginEntry } from '../../core/nx-json';
import { OptionsError, resolveOptions } from '../../core/options';
import { tokenEnvVar } from '../../core/publishing/retry';
import type { CiWorkflowGeneratorSchema } from './schema';

/** `release-{version}` -> `release-*`, as GitHub's branch and tag filters take it. */
const toFilter = (pattern: string) => pattern.replace(/\{[a-z]+\}/g, '*').replace(/\*(\.\*)+/g, '*');

export async function ciWorkflowGenerator(tree: Tree, schema: CiWorkflowGeneratorSchema): Promise<void> {
  const raw = pluginOptions(readNxJson(tree)?.plugins as PluginEntry[] | undefined, 'nx-release-train');
  const { options, problems } = resolveOptions(raw);
  if (problems.length) throw new OptionsError(problems);
  const name = schema.name ?? 'release-train';
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new ReleaseError(`--name "${name}" is not a file name`, `use letters, digits, ".", "_" or "-" (it becomes .github/workflows/${name}.yml)`);
  }
  const tokenEnv = tokenEnvVar(options.registry);
  tree.write(
    `.github/workflows/${name}.yml`,
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
      publishEnvironment: schema.publishEnvironment ?? 'publish',
      platforms: Object.entries(options.artifactRunners).map(([target, runner]) => ({ target, runner })),
      bindings: (options.bindings.repos ?? []).length > 0,
    }),
  );
}

export default ciWorkflowGenerator;
