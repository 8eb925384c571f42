/**
 * The publish executor's Nx batch implementation: `nx run-many -t publish` hands every
 * publish task to one process. Each task's request is resolved as for a single task, then
 * commands/publish/publish-all.ts runs them in the task graph's order; this file speaks
 * Nx's batch protocol (task ids in, one result per task out).
 */
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { publishCommand, type PublishRequest } from '../../commands/publish';
import { publishAll, type PublishTask } from '../../commands/publish/publish-all';
import type { JobStatus } from '../../commands/publish/schedule';
import { formatFailure } from '../../core/errors';
import { publishFlags, type PublishFlags } from '../../core/flags/publish';
import { commandInput, consoleOutput } from '../execute';
import { realServices } from '../services';

/** One task's result, as Nx's batch runner reads it (the type is not exported by @nx/devkit). */
export interface BatchTaskResult {
  task: string;
  result: { success: boolean; status: JobStatus; terminalOutput: string; startTime: number; endTime: number };
}

export default async function* publishBatchExecutor(
  taskGraph: TaskGraph,
  inputs: Record<string, unknown>,
  _overrides: unknown,
  context: ExecutorContext,
): AsyncGenerator<BatchTaskResult> {
  const ids = Object.keys(taskGraph.tasks);
  const t0 = Date.now();
  let tasks: PublishTask[];
  try {
    tasks = [];
    for (const id of ids) {
      const request = await requestOf(taskGraph, id, inputs[id], context);
      tasks.push({ id, request, dependsOn: (taskGraph.dependencies[id] ?? []).map((e) => e.id).filter((d) => d in taskGraph.tasks) });
    }
  } catch (e) {
    consoleOutput.error(formatFailure(e));
    for (const id of ids) yield { task: id, result: { success: false, status: 'failure', terminalOutput: '', startTime: t0, endTime: Date.now() } };
    return;
  }
  for await (const r of publishAll(tasks, realServices(context.root, consoleOutput))) {
    yield { task: r.id, result: { success: r.status === 'success', status: r.status, terminalOutput: r.output, startTime: r.startTime, endTime: r.endTime } };
  }
}

/** A task's request, resolved as `nx run <crate>:publish` would resolve it. */
async function requestOf(taskGraph: TaskGraph, id: string, raw: unknown, context: ExecutorContext): Promise<PublishRequest> {
  const name = taskGraph.tasks[id].target.project;
  const input = await commandInput<PublishFlags>(publishFlags, raw ?? {}, context);
  return publishCommand.resolve({ ...input, project: { name, root: context.projectsConfigurations?.projects[name]?.root } });
}
