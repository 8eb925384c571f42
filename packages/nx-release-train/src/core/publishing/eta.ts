/**
 * How long publishing will take, given the registry's rate-limit budget. The registry grants
 * `burst` publishes at once, then one per `intervalMs`, with separate budgets for new
 * versions and brand-new crates (crates.io: 30 then 1/min; 5 then 1 per 10 min). The
 * estimate schedules crates as Nx does (a crate starts once its dependencies are done, at
 * most `parallel` uploading at a time), each taking `publishMs` (upload plus index visibility), and
 * assumes full budgets at the start. Pure: no clock, times are offsets from the start.
 */

export interface Budget {
  burst: number;
  intervalMs: number;
}

export interface RateBudget {
  newVersions: Budget | null;
  newCrates: Budget | null;
}

export const CRATES_IO_BUDGET: RateBudget = {
  newVersions: { burst: 30, intervalMs: 60_000 },
  newCrates: { burst: 5, intervalMs: 600_000 },
};

export interface EtaInput {
  /** Crates still to publish, with their publish dependencies (others count as done). */
  needs: Record<string, string[]>;
  /** Crates that do not exist in the registry yet (they use the new-crate budget). */
  newCrates: ReadonlySet<string>;
  budget: RateBudget;
  publishMs: number;
  parallel: number;
  /**
   * How long a crate holds one of the `parallel` slots: a batch gives it back once the upload
   * is done, before the index shows the version. Default: all of `publishMs`.
   */
  slotMs?: number;
}

export interface Eta {
  totalMs: number;
  /** Publishes that had to wait for the rate limit. */
  throttled: number;
  /** Start offset of each crate's publish. */
  startMs: Record<string, number>;
}

/** A token bucket over simulated time: full at 0, refilled one token per interval. */
class Grants {
  private tokens: number;
  private last = 0;
  constructor(private readonly budget: Budget | null) {
    this.tokens = budget?.burst ?? 0;
  }

  /** The earliest time >= `at` that a publish can go (it spends a token). */
  grant(at: number): number {
    if (!this.budget) return at;
    const { burst, intervalMs } = this.budget;
    const t = Math.max(at, this.last);
    const earned = Math.floor((t - this.last) / intervalMs);
    if (earned > 0) {
      this.tokens = Math.min(burst, this.tokens + earned);
      this.last = this.tokens === burst ? t : this.last + earned * intervalMs;
    }
    if (this.tokens > 0) {
      this.tokens -= 1;
      return t;
    }
    // Empty: wait for the next token and spend it at once.
    this.last += intervalMs;
    return this.last;
  }
}

export function estimatePublish(input: EtaInput): Eta {
  const names = Object.keys(input.needs).sort();
  const pending = new Set(names);
  const finish = new Map<string, number>();
  const startMs: Record<string, number> = {};
  const versions = new Grants(input.budget.newVersions);
  const fresh = new Grants(input.budget.newCrates);
  const workers: number[] = Array.from({ length: Math.max(1, input.parallel) }, () => 0);
  let throttled = 0;

  while (pending.size) {
    // The crate that can start soonest (all its pending dependencies done).
    let best: { name: string; at: number } | null = null;
    for (const n of names) {
      if (!pending.has(n)) continue;
      const deps = input.needs[n].filter((d) => d in input.needs);
      if (deps.some((d) => pending.has(d))) continue;
      const at = Math.max(0, ...deps.map((d) => finish.get(d) ?? 0));
      if (!best || at < best.at) best = { name: n, at };
    }
    if (!best) throw new Error(`estimatePublish: dependency cycle among ${[...pending].join(', ')}`);
    const w = workers.indexOf(Math.min(...workers));
    const ready = Math.max(best.at, workers[w]);
    const grants = input.newCrates.has(best.name) ? fresh : versions;
    const start = grants.grant(ready);
    if (start > ready) throttled += 1;
    startMs[best.name] = start;
    finish.set(best.name, start + input.publishMs);
    workers[w] = start + Math.min(input.slotMs ?? input.publishMs, input.publishMs);
    pending.delete(best.name);
  }
  return { totalMs: Math.max(0, ...finish.values()), throttled, startMs };
}

/**
 * The least time the rate limits alone allow for `count` publishes from one budget: the burst
 * goes at once, each further one waits an interval. 0 without a limit.
 */
export function rateLimitBoundMs(count: number, budget: Budget | null): number {
  if (!budget || count <= budget.burst) return 0;
  return (count - budget.burst) * budget.intervalMs;
}

/** The longest chain of crates still to publish, each after the ones it needs (counted in crates). */
export function longestChain(needs: Record<string, string[]>): number {
  const memo = new Map<string, number>();
  const depth = (n: string, seen: Set<string>): number => {
    if (memo.has(n)) return memo.get(n)!;
    if (seen.has(n)) throw new Error(`longestChain: dependency cycle through ${n}`);
    seen.add(n);
    const d = 1 + Math.max(0, ...needs[n].filter((x) => x in needs).map((x) => depth(x, seen)));
    seen.delete(n);
    memo.set(n, d);
    return d;
  };
  return Math.max(0, ...Object.keys(needs).map((n) => depth(n, new Set())));
}

/** "1 h 05 min", "3 min 20 s", "12 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
