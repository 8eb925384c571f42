/**
 * Which ready jobs of a dependency graph take a slot now (pure; commands/publish/schedule.ts
 * runs the jobs). A publish run is as long as its longest chain of dependencies, one upload
 * and one index wait per link: a crate on that chain that waits for a slot lengthens the whole
 * run (by up to an upload, when every slot is taken by crates that could have waited). So
 * each job has a slack, how many links its own longest chain is shorter than the longest;
 * jobs with none (critical) go first, and while a critical job is still to come, the others
 * leave one slot free for it (when there are two or more).
 */

export interface Ranks {
  /** Longest chain of dependents from the job, itself included. */
  height: Map<string, number>;
  /** Links the longest chain through the job is shorter than the graph's longest. */
  slack: Map<string, number>;
}

/** Heights and slacks; dependencies outside `deps` are ignored, a cycle counts each job once. */
export function ranks(deps: Record<string, string[]>): Ranks {
  const ids = Object.keys(deps);
  const inside = (id: string) => deps[id].filter((d) => d in deps);
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const d of inside(id)) dependents.get(d)!.push(id);
  const longest = (next: (id: string) => string[]) => {
    const memo = new Map<string, number>();
    const of = (id: string): number => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      memo.set(id, 1); // a cycle's way back ends here
      const n = 1 + Math.max(0, ...next(id).map(of));
      memo.set(id, n);
      return n;
    };
    for (const id of ids) of(id);
    return memo;
  };
  const height = longest((id) => dependents.get(id)!);
  const depth = longest(inside);
  const through = (id: string) => height.get(id)! + depth.get(id)! - 1;
  const max = Math.max(0, ...ids.map(through));
  return { height, slack: new Map(ids.map((id) => [id, max - through(id)])) };
}

/** Ready jobs in the order they should start: critical first, then the longer chain, then by name. */
export function byPriority(ready: string[], r: Ranks): string[] {
  return [...ready].sort((a, b) => r.slack.get(a)! - r.slack.get(b)! || r.height.get(b)! - r.height.get(a)! || a.localeCompare(b));
}

export interface SlotState {
  limit: number;
  /** Slots held now. */
  holding: number;
  /** Critical jobs not started yet whose dependencies are not all done (they will be ready later). */
  criticalToCome: number;
}

/** The ready jobs to start now, in order. */
export function toStart(ready: string[], r: Ranks, s: SlotState): string[] {
  const limit = Math.max(1, s.limit);
  let free = limit - s.holding;
  const reserve = limit >= 2 && s.criticalToCome > 0 ? 1 : 0;
  const out: string[] = [];
  for (const id of byPriority(ready, r)) {
    const critical = r.slack.get(id) === 0;
    if (free <= 0 || (!critical && free <= reserve)) continue;
    out.push(id);
    free--;
  }
  return out;
}
