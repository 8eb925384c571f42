/**
 * The publish executor's Nx batch implementation: `nx run-many -t publish` hands every
 * publish task to one process. Before the first upload, the whole batch goes through the
 * preflight (every crate packaged and checked; any refusal stops the batch with every
 * problem listed). Then crates are published as their dependencies (the batch's task graph,
 * i.e. `^publish`) succeed, `concurrency` at a time, sharing one authentication (one
 * trusted-publishing token for the batch, revoked at the end, also on failure). A failed
 * crate skips only its dependents. The end prints the counts.
 */
import { formatFailure } from '../../core/errors';
import type { TaskGraph } from '@nx/devkit';
import { formatPreflight } from '../../core/publishing/preflight';
import { cargoAt } from '../../effects/cargo';
import type { PublishExecutorSchema } from '../../executors/publish/schema';
import { startAuth, type RunAuth } from './auth';
import type { PublishContext } from './publish-context';
import { publishOne } from '../publish';
import { authOf, runPreflight } from './preflight';
import { runGraph, type JobStatus } from './schedule';

/** One task's result, as Nx's batch runner reads it (the type is not exported by @nx/devkit). */
export interface BatchTaskResult {
  task: string;
  result: { success: boolean; status: JobStatus; terminalOutput: string; startTime: number; endTime: number };
}

interface RegistryRun {
  ctx: PublishContext;
  auth: RunAuth;
}

const result = (task: string, status: JobStatus, terminalOutput: string, startTime: number): BatchTaskResult => ({
  task,
  result: { success: status === 'success', status, terminalOutput, startTime, endTime: Date.now() },
});

/** `contextFor(registry)`: the publish context for one registry of the batch. */
export async function* publishBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, PublishExecutorSchema>,
  contextFor: (registry: string | undefined) => PublishContext,
): AsyncGenerator<BatchTaskResult> {
  const ids = Object.keys(taskGraph.tasks);
  const t0 = Date.now();
  const projectOf = (id: string) => taskGraph.tasks[id].target.project;
  const registryOf = (id: string) => inputs[id]?.registry ?? null;
  const runs = new Map<string | null, RegistryRun>();
  try {
    // Preflight per registry (one, nearly always), before anything is uploaded.
    const refusals: string[] = [];
    for (const registry of new Set(ids.map(registryOf))) {
      const mine = ids.filter((id) => registryOf(id) === registry);
      const ctx = contextFor(registry ?? undefined);
      const dryRun = mine.every((id) => inputs[id]?.dryRun === true);
      const auth = authOf(ctx.registry);
      const report = await runPreflight(ctx, cargoAt(ctx.cargoRoot), { crates: mine.map(projectOf), auth, dryRun });
      const lines = formatPreflight(report);
      for (const line of lines) console.log(line);
      if (report.problems.length) refusals.push(...lines);
      else runs.set(registry, { ctx, auth: await startAuth(ctx, auth, dryRun, (l) => console.log(l)) });
    }
    if (refusals.length) {
      console.error('publish: refused before any upload; nothing was published. Fix every problem above and rerun.');
      for (const [i, id] of ids.entries()) yield result(id, 'failure', i === 0 ? `${refusals.join('\n')}\n` : '', t0);
      return;
    }
    yield* publishAll(taskGraph, inputs, runs);
  } catch (e) {
    console.error(formatFailure(e));
    for (const id of ids) yield result(id, 'failure', '', t0);
  } finally {
    for (const { auth } of runs.values()) await auth.finish();
  }
}

async function* publishAll(
  taskGraph: TaskGraph,
  inputs: Record<string, PublishExecutorSchema>,
  runs: Map<string | null, RegistryRun>,
): AsyncGenerator<BatchTaskResult> {
  const ids = Object.keys(taskGraph.tasks);
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
      const { ctx, auth } = runs.get(options.registry ?? null)!;
      count(await publishOne(ctx, taskGraph.tasks[id].target.project, options, log, auth.deps));
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
    // Lines were printed live; a failure's are attached to its task too, for Nx's summary.
    yield result(id, status, status === 'failure' && lines.length ? `${lines.join('\n')}\n` : '', started.get(id) ?? Date.now());
  }
  const order = ['published', 'skipped', 'would-publish', 'private', 'failed', 'not run'];
  console.log(`publish: ${order.filter((k) => outcomes[k]).map((k) => `${outcomes[k]} ${k}`).join(', ') || 'nothing to do'}`);
}
