/**
 * The generated workflow's options from the plugin settings and the generator's flags: branch
 * and tag filters from the patterns, the token variable from `registry`, the artifact jobs
 * from `artifactRunners`. Pure, so a test generates exactly what the generator writes.
 */
import type { CiWorkflowOptions } from './ci-workflow';
import { tokenEnvVar } from './publishing/retry';
import type { ReleaseTrainOptions } from './settings/options';

/** The generator's flags that shape the workflow (each optional, defaults here). */
export interface CiWorkflowFlags {
  cutDay?: number;
  releaseDay?: number;
  hour?: number;
  ciWorkflow?: string;
  nodeVersion?: string;
  tokenSecret?: string;
  releaseTokenSecret?: string;
  bindingsTokenSecret?: string;
  yankTokenSecret?: string;
  publishEnvironment?: string;
}

/** `release-{version}` -> `release-*`, as GitHub's branch and tag filters take it. */
const toFilter = (pattern: string) => pattern.replace(/\{[a-z]+\}/g, '*').replace(/\*(\.\*)+/g, '*');

export function ciWorkflowOptions(options: ReleaseTrainOptions, flags: CiWorkflowFlags): CiWorkflowOptions {
  const tokenEnv = tokenEnvVar(options.registry);
  return {
    cutDay: flags.cutDay ?? 5,
    releaseDay: flags.releaseDay ?? 20,
    hour: flags.hour ?? 12,
    ciWorkflow: flags.ciWorkflow ?? 'CI',
    releaseBranches: toFilter(options.branchPattern),
    tagPattern: toFilter(options.tagPattern),
    nodeVersion: flags.nodeVersion ?? '20',
    tokenEnv,
    tokenSecret: flags.tokenSecret ?? tokenEnv,
    githubTokenEnv: options.githubTokenEnv,
    releaseTokenSecret: flags.releaseTokenSecret ?? 'RELEASE_TOKEN',
    bindingsTokenSecret: flags.bindingsTokenSecret ?? 'BINDINGS_TOKEN',
    yankTokenEnv: options.yankTokenVariable,
    yankTokenSecret: flags.yankTokenSecret ?? options.yankTokenVariable,
    publishEnvironment: flags.publishEnvironment ?? 'publish',
    platforms: Object.entries(options.artifactRunners).map(([target, runner]) => ({ target, runner })),
    bindings: (options.bindings.repos ?? []).length > 0,
  };
}
