// Small timing helpers shared by the benchmarks: medians of repeated runs.
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs fn `warmup` times, then `runs` times; returns the median in milliseconds. `setup`,
 * if given, runs before each call and is not timed.
 */
export async function timeMedian(fn, { runs = 20, warmup = 3, setup } = {}) {
  for (let i = 0; i < warmup; i++) {
    if (setup) await setup();
    await fn();
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (setup) await setup();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

export function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}
