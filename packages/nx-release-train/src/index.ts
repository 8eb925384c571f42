/**
 * nx-release-train: the Nx plugin object. Cargo workspace members become projects
 * (createNodesV2) and their dependencies become edges (createDependencies).
 */
import type { CreateNodesV2, PreTasksExecution } from '@nx/devkit';
import { swallowedFlagEnv } from './core/argv';
import { PLUGIN_NAME } from './core/plugin-name';
import { createNodesFromFiles, MANIFEST_GLOB } from './graph/nodes';
import { executorNames } from './graph/targets';

export { createDependencies } from './graph/dependencies';

export const createNodesV2: CreateNodesV2<unknown> = [MANIFEST_GLOB, createNodesFromFiles];
/** Nx 21+ reads `createNodes` with the same (v2) signature. */
export const createNodes = createNodesV2;

export const name = PLUGIN_NAME;

/**
 * Nx swallows `--target` and `--version` (its own options), so `nx release-patch --target=4.x`
 * and `nx release-bindings --version=46.0.0` would reach their executors without them. This
 * hook sees the whole command line and hands the values on through the environment, which Nx
 * passes to the tasks; given to a target that does not take them, its executor refuses them.
 */
export const preTasksExecution: PreTasksExecution<unknown> = (_options, context) => {
  for (const [name, value] of Object.entries(swallowedFlagEnv(context.argv, executorNames()))) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
};
