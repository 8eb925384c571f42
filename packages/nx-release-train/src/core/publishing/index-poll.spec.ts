import { describe, expect, it } from 'vitest';
import { expectedWindow, INDEX_POLL, nextReadIn, type DelaySample, type PollPolicy } from './index-poll';

const p: PollPolicy = { fineMs: 20, coarseMs: 1000, windowReads: 10, backoff: 0.5 };

/**
 * Waits for a version that shows `delay` ms after its upload, with the clock simulated: the
 * read times, and the sample it teaches. Each read takes `rtt` ms.
 */
function waitFor(delay: number, samples: DelaySample[], policy = p, rtt = 0) {
  let now = 0;
  let absent = 0;
  const reads: number[] = [];
  for (;;) {
    now += nextReadIn({ elapsed: now, reads: reads.length, window: expectedWindow(samples) }, policy);
    const at = now;
    reads.push(at);
    now += rtt;
    if (at >= delay) return { reads, sample: { lo: absent, hi: now }, late: now - delay };
    absent = at;
  }
}

describe('expectedWindow', () => {
  it('is nothing before the first sample', () => {
    expect(expectedWindow([])).toBeNull();
  });

  it('is the common part of samples that agree on one delay', () => {
    expect(
      expectedWindow([
        { lo: 1_800, hi: 2_300 },
        { lo: 1_950, hi: 2_050 },
      ]),
    ).toEqual({ from: 1_950, to: 2_050 });
  });

  it('spans from the earliest sighting to the latest absence when they do not', () => {
    expect(
      expectedWindow([
        { lo: 900, hi: 1_000 },
        { lo: 2_900, hi: 3_100 },
      ]),
    ).toEqual({ from: 1_000, to: 2_900 });
  });
});

describe('nextReadIn', () => {
  it('with nothing learned: reads at once, then every `backoff` of the time waited, no faster than `backoff` of the coarsest', () => {
    const { reads } = waitFor(5_000, []);
    expect(reads.slice(0, 7)).toEqual([0, 500, 1_000, 1_500, 2_250, 3_250, 4_250]);
    const gaps = reads.slice(1).map((r, i) => r - reads[i]);
    expect(Math.max(...gaps)).toBe(1_000);
  });

  it('with a window: one wait up to it (at most the coarsest), then its width / windowReads, never under the finest', () => {
    const w = { from: 2_000, to: 2_400 };
    expect(nextReadIn({ elapsed: 0, reads: 0, window: w }, p)).toBe(1_000);
    expect(nextReadIn({ elapsed: 1_500, reads: 1, window: w }, p)).toBe(500);
    expect(nextReadIn({ elapsed: 2_000, reads: 2, window: w }, p)).toBe(40);
    expect(nextReadIn({ elapsed: 2_000, reads: 2, window: { from: 2_000, to: 2_010 } }, p)).toBe(20);
    expect(nextReadIn({ elapsed: 2_000, reads: 2, window: { from: 0, to: 60_000 } }, p)).toBe(1_000);
  });

  it("past the window (a slower index than learned): the window's interval for half its reads, then a tenth of the time since the upload", () => {
    const w = { from: 2_000, to: 2_400 };
    expect(nextReadIn({ elapsed: 2_410, reads: 12, window: w }, INDEX_POLL)).toBe(40);
    expect(nextReadIn({ elapsed: 2_600, reads: 17, window: w }, INDEX_POLL)).toBe(40);
    expect(nextReadIn({ elapsed: 2_610, reads: 18, window: w }, INDEX_POLL)).toBe(261);
    expect(nextReadIn({ elapsed: 9_000, reads: 30, window: w }, INDEX_POLL)).toBe(900);
    expect(nextReadIn({ elapsed: 20_000, reads: 40, window: w }, INDEX_POLL)).toBe(1_000);
    // An early window: no run of fine reads after it, a tenth of the coarsest at least.
    expect(nextReadIn({ elapsed: 120, reads: 3, window: { from: 3, to: 105 } }, INDEX_POLL)).toBe(20);
    expect(nextReadIn({ elapsed: 210, reads: 8, window: { from: 3, to: 105 } }, INDEX_POLL)).toBe(100);
    // A wide window keeps its own interval.
    expect(nextReadIn({ elapsed: 6_000, reads: 20, window: { from: 0, to: 5_000 } }, INDEX_POLL)).toBe(500);
    expect(nextReadIn({ elapsed: 8_000, reads: 25, window: { from: 0, to: 5_000 } }, INDEX_POLL)).toBe(800);
  });

  it('a steady index: each wave is found within the finest interval once the first taught the window', () => {
    const samples: DelaySample[] = [];
    const late: number[] = [];
    for (let wave = 0; wave < 6; wave++) {
      const r = waitFor(2_000, samples, INDEX_POLL, 3);
      samples.push(r.sample);
      late.push(r.late);
    }
    // The first, with nothing learned, is late by about `backoff` of the delay at most.
    expect(late[0]).toBeLessThanOrEqual(2_000 * INDEX_POLL.backoff * 1.1 + 3);
    for (const l of late.slice(2)) expect(l).toBeLessThanOrEqual(INDEX_POLL.fineMs + 3);
  });

  it('an erratic index: every version is still found, reading no faster than the window allows', () => {
    const delays = [2_000, 600, 4_500, 1_200, 3_300, 2_700, 150, 5_000];
    const samples: DelaySample[] = [];
    for (const d of delays) {
      const r = waitFor(d, samples, INDEX_POLL, 3);
      expect(r.sample.lo).toBeLessThan(d);
      expect(r.sample.hi).toBeGreaterThanOrEqual(d);
      samples.push(r.sample);
    }
    // The spread widens the window, and the reads across it stay windowReads (a few hundred ms apart here).
    const w = expectedWindow(samples)!;
    expect(w.to - w.from).toBeGreaterThan(3_000);
    expect(nextReadIn({ elapsed: w.from, reads: 20, window: w }, INDEX_POLL)).toBe((w.to - w.from) / INDEX_POLL.windowReads);
  });
});
