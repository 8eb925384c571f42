/** The batch form of `nx-release-publish`: the publish target's batch, with Nx's release-only options set aside. */
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import publishBatchExecutor from '../publish/batch';
import { publishOptionsOf } from './executor';

type Batch = (
  graph: TaskGraph,
  inputs: Record<string, Record<string, unknown>>,
  overrides: Record<string, unknown>,
  context: ExecutorContext,
) => AsyncGenerator<unknown>;

export default function nxReleasePublishBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, Record<string, unknown>>,
  overrides: Record<string, unknown>,
  context: ExecutorContext,
): AsyncGenerator<unknown> {
  const own = Object.fromEntries(Object.entries(inputs).map(([task, options]) => [task, publishOptionsOf(options)]));
  return (publishBatchExecutor as unknown as Batch)(taskGraph, own, publishOptionsOf(overrides), context);
}
