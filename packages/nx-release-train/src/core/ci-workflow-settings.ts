/**
 * The generated workflow's options from the plugin settings and the generator's flags: branch
 * and tag filters from the patterns, the token variable from `registry`, one artifact job per
 * entry of `artifacts.builds`, the publish environment from `publishEnvironment` (which `nx
 * release-trust` registers). Pure, so a test generates exactly what the generator writes.
 */
import { platformName } from './artifacts/platform';
import type { CiWorkflowOptions } from './ci-workflow';
import { tokenEnvVar } from './publishing/retry';
import type { ReleaseTrainOptions } from './settings/options';
import { patternEre, patternFilter } from './settings/pattern';

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
  trustTokenSecret?: string;
}

/** The train's workflow file name without `.yml` (the reusable workflow of the platform jobs is named after it). */
export const workflowBaseName = (options: ReleaseTrainOptions) => options.releaseWorkflow.replace(/\.ya?ml$/, '');

export function ciWorkflowOptions(options: ReleaseTrainOptions, flags: CiWorkflowFlags): CiWorkflowOptions {
  const tokenEnv = tokenEnvVar(options.registry);
  return {
    cutDay: flags.cutDay ?? 5,
    releaseDay: flags.releaseDay ?? 20,
    hour: flags.hour ?? 12,
    ciWorkflow: flags.ciWorkflow ?? 'CI',
    releaseBranches: patternFilter(options.branchPattern),
    releaseBranchEre: patternEre(options.branchPattern),
    prereleaseMain: options.prereleasesFromMain ? options.mainBranch : undefined,
    tagPattern: patternFilter(options.tagPattern),
    // Node 24: the Active LTS of 2026 (maintained to April 2028), on every GitHub runner image
    // and among the versions Nx 24 supports; Node 20 reached its end of life in April 2026.
    nodeVersion: flags.nodeVersion ?? '24',
    tokenEnv,
    tokenSecret: flags.tokenSecret ?? tokenEnv,
    githubTokenEnv: options.githubTokenEnv,
    releaseTokenSecret: flags.releaseTokenSecret ?? 'RELEASE_TOKEN',
    bindingsTokenSecret: flags.bindingsTokenSecret ?? 'BINDINGS_TOKEN',
    yankTokenEnv: options.yankTokenVariable,
    yankTokenSecret: flags.yankTokenSecret ?? options.yankTokenVariable,
    publishEnvironment: options.publishEnvironment,
    trustTokenEnv: options.trustTokenVariable,
    trustTokenSecret: flags.trustTokenSecret ?? options.trustTokenVariable,
    builds: options.artifacts.builds.map((b) => ({
      ...b,
      platform: platformName(b.target, options.artifacts.platforms),
      ...(b.minimal ? { minimalToolchain: options.artifacts.minimal.toolchain } : {}),
    })),
    outputDir: options.artifacts.outputDir,
    bindings: (options.bindings.repos ?? []).length > 0,
    reusableWorkflow: options.artifacts.reusableWorkflow ? `${workflowBaseName(options)}-artifacts` : undefined,
  };
}
