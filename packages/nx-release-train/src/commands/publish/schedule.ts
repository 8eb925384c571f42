/**
 * Runs a dependency graph of jobs with at most `limit` holding a slot at a time, as each
 * job's dependencies succeed; the dependents of a failed job are skipped, everything else
 * goes on. A job may give its slot back before it ends (`release`): a publish does once its
 * upload is done, so the next upload starts while it waits for the index. Which ready jobs
 * start is core/publishing/slots.ts's choice: the critical path first, and a slot kept free
 * for it. Results come out as jobs finish.
 */
import { ranks, toStart } from '../../core/publishing/slots';

export type JobStatus = 'success' | 'failure' | 'skipped';

export async function* runGraph(
  deps: Record<string, string[]>,
  limit: number,
  run: (id: string, release: () => void) => Promise<boolean>,
): AsyncGenerator<{ id: string; status: JobStatus }> {
  const ids = Object.keys(deps);
  const inGraph = (d: string) => d in deps;
  const dependents: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, []]));
  for (const id of ids) for (const d of deps[id].filter(inGraph)) dependents[d].push(id);
  const rank = ranks(deps);

  const status = new Map<string, JobStatus>();
  const running = new Map<string, Promise<{ id: string; ok: boolean }>>();
  /** Running jobs that still hold their slot. */
  const holding = new Set<string>();
  // A job gave its slot back: the loop below looks for the next job to start.
  let woke = false;
  let wakeLoop: () => void = () => {};
  const wake = () => {
    woke = true;
    wakeLoop();
  };
  const finished: Array<{ id: string; status: JobStatus }> = [];
  const skip = (id: string) => {
    for (const d of dependents[id]) {
      if (!status.has(d)) {
        status.set(d, 'skipped');
        finished.push({ id: d, status: 'skipped' });
        skip(d);
      }
    }
  };

  for (;;) {
    const waiting = ids.filter((id) => !status.has(id) && !running.has(id));
    const ready = waiting.filter((id) => deps[id].filter(inGraph).every((d) => status.get(d) === 'success'));
    const criticalToCome = waiting.filter((id) => rank.slack.get(id) === 0 && !ready.includes(id)).length;
    for (const id of toStart(ready, rank, { limit, holding: holding.size, criticalToCome })) {
      holding.add(id);
      const release = () => {
        if (holding.delete(id)) wake();
      };
      running.set(
        id,
        run(id, release).then(
          (ok) => ({ id, ok }),
          () => ({ id, ok: false }),
        ),
      );
    }
    while (finished.length) yield finished.shift()!;
    if (running.size === 0) break;
    if (woke) {
      woke = false;
      continue;
    }
    const released = new Promise<null>((resolve) => (wakeLoop = () => resolve(null)));
    const done = await Promise.race([...running.values(), released]);
    wakeLoop = () => {};
    if (done === null) {
      woke = false;
      continue;
    }
    const { id, ok } = done;
    running.delete(id);
    holding.delete(id);
    status.set(id, ok ? 'success' : 'failure');
    // Reported after its dependents start (the top of the loop): the caller may take its time.
    finished.push({ id, status: ok ? 'success' : 'failure' });
    if (!ok) skip(id);
  }
  // Only a dependency cycle leaves jobs behind: they can never run.
  for (const id of ids) if (!status.has(id)) yield { id, status: 'skipped' };
}
