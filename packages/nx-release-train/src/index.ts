/**
 * nx-release-train: the Nx plugin object. Cargo workspace members become projects
 * (createNodesV2) and their dependencies become edges (createDependencies).
 */
import type { CreateNodesV2, PreTasksExecution } from '@nx/devkit';
import { PATCH_TARGET_ENV, patchTargetFromArgv } from './core/argv';
import { createNodesFromFiles, MANIFEST_GLOB } from './graph/nodes';

export { createDependencies } from './graph/dependencies';

export const createNodesV2: CreateNodesV2<unknown> = [MANIFEST_GLOB, createNodesFromFiles];
/** Nx 21+ reads `createNodes` with the same (v2) signature. */
export const createNodes = createNodesV2;

export const name = 'nx-release-train';

/**
 * Nx swallows `--target` (its own option), so `nx release-patch --target=4.x` would reach the
 * executor without it. This hook sees the whole command line and hands the value on through
 * the environment, which Nx passes to the task.
 */
export const preTasksExecution: PreTasksExecution<unknown> = (_options, context) => {
  const target = patchTargetFromArgv(context.argv);
  if (target === undefined) delete process.env[PATCH_TARGET_ENV];
  else process.env[PATCH_TARGET_ENV] = target;
};
