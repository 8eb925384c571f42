/**
 * Publishing many crates in one process (what Nx's batch of publish tasks runs; the adapter
 * is executors/publish/batch.ts). Before the first upload, every crate goes through the
 * checks (each packaged and checked; any refusal stops all, with every problem listed).
 * Then crates are published as their dependencies (the tasks' `dependsOn`, i.e. `^publish`)
 * succeed, `concurrency` uploads at a time (a crate waiting for the index holds no slot), sharing one authentication per registry (one
 * trusted-publishing token, revoked at the end, also on failure). A failed crate skips
 * only its dependents. The end prints the counts.
 */
import { formatFailure } from '../../core/errors';
import { formatPreflight } from '../../core/publishing/upload-checks';
import { publishOne, type PublishRequest } from '../publish';
import type { Services } from '../services';
import { startAuth, type RunAuth } from './auth';
import { publishTarget, type PublishTarget } from './publish-target';
import { runGraph, type JobStatus } from './schedule';
import { runPreflight } from './upload-checks';

export interface PublishTask {
  id: string;
  request: PublishRequest;
  /** Ids of the tasks that must succeed first. */
  dependsOn: string[];
}

export interface PublishTaskResult {
  id: string;
  status: JobStatus;
  /** What the task printed, kept for a failure (lines were printed live as well). */
  output: string;
  startTime: number;
  endTime: number;
}

interface RegistryRun {
  target: PublishTarget;
  auth: RunAuth;
}

export async function* publishAll(tasks: PublishTask[], services: Services): AsyncGenerator<PublishTaskResult> {
  const t0 = services.clock.now();
  const result = (id: string, status: JobStatus, output: string, startTime: number): PublishTaskResult => ({
    id,
    status,
    output,
    startTime,
    endTime: services.clock.now(),
  });
  const runs = new Map<string | null, RegistryRun>();
  try {
    // Checks per registry (one, nearly always), before anything is uploaded.
    const refusals: string[] = [];
    for (const registry of new Set(tasks.map((t) => t.request.registry))) {
      const mine = tasks.filter((t) => t.request.registry === registry);
      const first = mine[0].request;
      const target = publishTarget(first, services);
      const dryRun = mine.every((t) => t.request.dryRun);
      // The first upload needs the API's address: read it while cargo packages (a failure shows at that upload).
      if (!dryRun) target.apiUrl().catch(() => {});
      const names = mine.map((t) => t.request.project?.name ?? '');
      const report = await runPreflight(target, services.clock, { crates: names, auth: first.auth, dryRun, verify: !first.noVerify });
      const lines = formatPreflight(report);
      for (const line of lines) services.log.info(line);
      if (report.problems.length) refusals.push(...lines);
      else runs.set(registry, { target, auth: await startAuth(target, first.auth, first.oidc, dryRun, services, (l) => services.log.info(l)) });
    }
    if (refusals.length) {
      services.log.error('publish: refused before any upload; nothing was published. Fix every problem above and rerun.');
      for (const [i, { id }] of tasks.entries()) yield result(id, 'failure', i === 0 ? `${refusals.join('\n')}\n` : '', t0);
      return;
    }
    yield* publishInOrder(tasks, runs, services);
  } catch (e) {
    services.log.error(formatFailure(e));
    for (const { id } of tasks) yield result(id, 'failure', '', t0);
  } finally {
    for (const { auth } of runs.values()) await auth.finish();
  }
}

async function* publishInOrder(tasks: PublishTask[], runs: Map<string | null, RegistryRun>, services: Services): AsyncGenerator<PublishTaskResult> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const outputs = new Map<string, string[]>();
  const started = new Map<string, number>();
  const outcomes: Record<string, number> = {};
  const count = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
  const limit = Math.max(...tasks.map((t) => t.request.concurrency));

  const run = async (id: string, release: () => void): Promise<boolean> => {
    const { request } = byId.get(id)!;
    const lines: string[] = [];
    outputs.set(id, lines);
    started.set(id, services.clock.now());
    const log = (line: string) => {
      lines.push(line);
      services.log.info(line);
    };
    try {
      const { target, auth } = runs.get(request.registry)!;
      // `concurrency` bounds uploads: a crate waiting for the index gives its slot to the next.
      count(await publishOne(target, request, services, log, auth.deps, release));
      return true;
    } catch (e) {
      log(formatFailure(e));
      return false;
    }
  };

  const deps = Object.fromEntries(tasks.map((t) => [t.id, t.dependsOn.filter((d) => byId.has(d))]));
  for await (const { id, status } of runGraph(deps, limit, run)) {
    if (status === 'failure') count('failed');
    if (status === 'skipped') count('not run');
    const lines = outputs.get(id) ?? [];
    // Lines were printed live; a failure's are attached to its task too, for Nx's summary.
    yield {
      id,
      status,
      output: status === 'failure' && lines.length ? `${lines.join('\n')}\n` : '',
      startTime: started.get(id) ?? services.clock.now(),
      endTime: services.clock.now(),
    };
  }
  const order = ['published', 'skipped', 'would-publish', 'private', 'failed', 'not run'];
  services.log.info(
    `publish: ${
      order
        .filter((k) => outcomes[k])
        .map((k) => `${outcomes[k]} ${k}`)
        .join(', ') || 'nothing to do'
    }`,
  );
}
