/** The publish executor's Nx batch implementation: the adapter of commands/publish/batch.ts. */
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { publishBatch, type BatchTaskResult } from '../../commands/publish/batch';
import { publishContextOf } from '../shared';
import type { PublishExecutorSchema } from './schema';

export default function publishBatchExecutor(
  taskGraph: TaskGraph,
  inputs: Record<string, PublishExecutorSchema>,
  _overrides: PublishExecutorSchema,
  context: ExecutorContext,
): AsyncGenerator<BatchTaskResult> {
  return publishBatch(taskGraph, inputs, (registry) => publishContextOf(context, registry));
}
