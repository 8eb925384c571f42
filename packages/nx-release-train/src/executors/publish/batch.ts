/**
 * The publish executor's Nx batch implementation: `nx run-many -t publish` hands every
 * publish task to one process, which publishes crates as their dependencies (the batch's
 * task graph, i.e. `^publish`) succeed, `concurrency` at a time, and reports each task as it
 * finishes. A failed crate skips only its dependents. The end prints the counts.
 */
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { formatFailure } from '../../core/errors';
import { publishContext, type PublishContext } from './context';
import { publishOne } from './executor';
import { runGraph } from './schedule';
import type { PublishExecutorSchema } from './schema';

/** One task's result, as Nx's batch runner reads it (the type is not exported by @nx/devkit). */
interface BatchTaskResult {
  task: string;
  result: { success: boolean; status: 'success' | 'failure' | 'skipped'; terminalOutput: string; startTime: number; endTime: number };
}

export default async function* publishBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, PublishExecutorSchema>,
  _overrides: PublishExecutorSchema,
  context: ExecutorContext,
): AsyncGenerator<BatchTaskResult> {
  const ids = Object.keys(taskGraph.tasks);
  const contexts = new Map<string | null, PublishContext>();
  const outputs = new Map<string, string[]>();
  const started = new Map<string, number>();
  const outcomes: Record<string, number> = {};
  const count = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
  const limit = Math.max(...ids.map((id) => inputs[id]?.concurrency ?? 8));

  const run = async (id: string): Promise<boolean> => {
    const options = inputs[id] ?? {};
    const lines: string[] = [];
    outputs.set(id, lines);
    started.set(id, Date.now());
    const log = (line: string) => {
      lines.push(line);
      console.log(line);
    };
    try {
      const registry = options.registry ?? null;
      // One workspace model and index client per registry, shared by all crates.
      if (!contexts.has(registry)) contexts.set(registry, publishContext(context, options.registry));
      const outcome = await publishOne(contexts.get(registry)!, taskGraph.tasks[id].target.project, options, log);
      count(outcome);
      return true;
    } catch (e) {
      log(formatFailure(e));
      return false;
    }
  };

  const deps = Object.fromEntries(ids.map((id) => [id, (taskGraph.dependencies[id] ?? []).map((e) => e.id).filter((d) => d in taskGraph.tasks)]));
  for await (const { id, status } of runGraph(deps, limit, run)) {
    if (status === 'failure') count('failed');
    if (status === 'skipped') count('not run');
    const lines = outputs.get(id) ?? [];
    yield {
      task: id,
      result: {
        success: status === 'success',
        status,
        // Lines were printed live; a failure's are attached to its task too, for Nx's summary.
        terminalOutput: status === 'failure' && lines.length ? `${lines.join('\n')}\n` : '',
        startTime: started.get(id) ?? Date.now(),
        endTime: Date.now(),
      },
    };
  }
  const order = ['published', 'skipped', 'would-publish', 'private', 'failed', 'not run'];
  console.log(`publish: ${order.filter((k) => outcomes[k]).map((k) => `${outcomes[k]} ${k}`).join(', ') || 'nothing to do'}`);
}
