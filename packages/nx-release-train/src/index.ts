/**
 * nx-release-train: the Nx plugin object. Cargo workspace members become projects
 * (createNodesV2) and their dependencies become edges (createDependencies).
 */
import type { CreateNodesV2 } from '@nx/devkit';
import { createNodesFromFiles, MANIFEST_GLOB } from './graph/nodes';

export { createDependencies } from './graph/dependencies';

export const createNodesV2: CreateNodesV2<unknown> = [MANIFEST_GLOB, createNodesFromFiles];
/** Nx 21+ reads `createNodes` with the same (v2) signature. */
export const createNodes = createNodesV2;

export const name = 'nx-release-train';
