/**
 * Targets the plugin infers. A target is inferred only when its executor is registered in
 * executors.json, so the graph never offers a target that cannot run.
 */
import type { TargetConfiguration } from '@nx/devkit';
import type { Crate } from '../core/model';
import { PLUGIN_NAME as PLUGIN } from '../core/plugin-name';
import type { ReleaseTrainOptions } from '../core/settings/options';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const registered = new Set(Object.keys((require('../../executors.json') as { executors: Record<string, unknown> }).executors));

/** Every executor the plugin registers (read from executors.json: no flag schema, no zod, is loaded). */
export const executorNames = (): string[] => [...registered];

/** Root targets: the release commands run from the workspace root (`nx release-major`). */
const ROOT_TARGETS: Record<string, Omit<TargetConfiguration, 'executor'>> = {
  'release-major': { cache: false },
  'release-latest': { cache: false },
  'release-rc': { cache: false },
  'release-tag': { cache: false },
  'release-patch': { cache: false },
  'release-bindings': { cache: false },
  'release-artifacts': { cache: false },
  'release-assets': { cache: false },
  'publish-plan': { cache: false },
  'release-yank': { cache: false },
  'release-trust': { cache: false },
  'release-status': { cache: false },
};

export function rootTargets(): Record<string, TargetConfiguration> {
  const out: Record<string, TargetConfiguration> = {};
  for (const [name, config] of Object.entries(ROOT_TARGETS)) {
    if (registered.has(name)) out[name] = { ...config, executor: `${PLUGIN}:${name}` };
  }
  return out;
}

/** Per-crate targets: publishing goes in dependency order through `^publish`. */
export function crateTargets(crate: Crate, _options: ReleaseTrainOptions): Record<string, TargetConfiguration> {
  const out: Record<string, TargetConfiguration> = {};
  if (!crate.publishable) return out;
  if (registered.has('publish')) {
    out.publish = { executor: `${PLUGIN}:publish`, dependsOn: ['^publish'], cache: false, options: {} };
  }
  // `nx release publish` runs this target name on every project it publishes (Nx 24 has no
  // setting for it): the same publish, in the same dependency order.
  if (registered.has('nx-release-publish')) {
    out['nx-release-publish'] = { executor: `${PLUGIN}:nx-release-publish`, dependsOn: ['^nx-release-publish'], cache: false, options: {} };
  }
  if (registered.has('verify')) {
    out.verify = { executor: `${PLUGIN}:verify`, cache: false, options: {} };
  }
  return out;
}
