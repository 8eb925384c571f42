/**
 * When to read the index next while waiting for an uploaded version to show (pure: the caller
 * keeps the clock). A registry's index shows an accepted upload some time later (a background
 * job, a CDN in front of the sparse index), and every wave of the publish order waits for it:
 * reading at a fixed interval is late by half of it per wave on average, reading finely all
 * the time hammers a real registry (cargo reads about once a second). So the delay is learned
 * from this run's own uploads: each version seen appearing gives an interval (not there `lo`
 * ms after its upload, there at `hi`), and the next waits read finely only inside the window
 * those intervals leave (and a little past it), sparsely before it, backing off after it. With nothing learned yet
 * the interval starts fine and grows with the wait, so the first uploads teach the window
 * without a flood.
 */

export interface PollPolicy {
  /** The finest interval between two reads (inside the window). */
  fineMs: number;
  /** The coarsest: the longest wait between two reads (before the window, or long after it). */
  coarseMs: number;
  /** Reads spent across the window: its width / this is the interval there (kept within fine..coarse). */
  windowReads: number;
  /**
   * Outside what was learned (nothing yet, or past the window: a slower index this time), a
   * read every this fraction of the time since the upload (and of the coarsest interval at
   * least): late by about that fraction, in a number of reads that grows with the logarithm
   * of the wait.
   */
  backoff: number;
}

export const INDEX_POLL: PollPolicy = { fineMs: 20, coarseMs: 1000, windowReads: 10, backoff: 0.1 };

/** One version's wait, in ms after its upload: not in the index at `lo`, in it at `hi`. */
export interface DelaySample {
  lo: number;
  hi: number;
}

export interface Window {
  from: number;
  to: number;
}

/**
 * Where the next delay is expected. Every sample holds its own delay; when they agree (one
 * delay in all of them) the window is their common part, else it spans from the earliest
 * sure sighting to the latest sure absence, so each sample's delay falls in or next to it.
 */
export function expectedWindow(samples: readonly DelaySample[]): Window | null {
  if (!samples.length) return null;
  const lastAbsent = Math.max(...samples.map((s) => s.lo));
  const firstSeen = Math.min(...samples.map((s) => s.hi));
  return { from: Math.min(lastAbsent, firstSeen), to: Math.max(lastAbsent, firstSeen) };
}

export interface PollState {
  /** ms since the upload was accepted. */
  elapsed: number;
  /** Reads of this version so far. */
  reads: number;
  window: Window | null;
}

/** How long to wait before the next read (0: read now). */
export function nextReadIn(s: PollState, p: PollPolicy): number {
  // Outside what was learned: a tenth (`backoff`) of the time waited, no faster than a tenth of the coarsest.
  const outside = Math.min(p.coarseMs, Math.max(p.coarseMs * p.backoff, s.elapsed * p.backoff));
  // Nothing learned: read at once (an index may show it right away), then as outside.
  if (!s.window) return s.reads === 0 ? 0 : outside;
  const { from, to } = s.window;
  const step = Math.min(p.coarseMs, Math.max(p.fineMs, (to - from) / p.windowReads));
  if (s.elapsed < from) return Math.min(p.coarseMs, from - s.elapsed);
  // Half the window's reads again past it: when the upload's answer reaches this process varies
  // (a loaded machine), so a version may show a little after the window it fits.
  if (s.elapsed <= to + (step * p.windowReads) / 2) return step;
  return Math.max(step, outside);
}
