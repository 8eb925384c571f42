/**
 * crates.io's publish rate limits: a token bucket per action, holding `burst` tokens and
 * refilled with one token every `intervalMs`. Time comes in as an argument (no clock here).
 */

export interface BucketConfig {
  burst: number;
  intervalMs: number;
}

export interface RateLimits {
  /** Versions of crates that already exist. */
  newVersions?: BucketConfig | null;
  /** The first version of a crate. */
  newCrates?: BucketConfig | null;
  /** Yanks and unyanks. */
  yanks?: BucketConfig | null;
}

/** crates.io's numbers (SPEC §4). */
export const CRATES_IO_LIMITS: Required<RateLimits> = {
  newVersions: { burst: 30, intervalMs: 60_000 },
  newCrates: { burst: 5, intervalMs: 600_000 },
  yanks: { burst: 100, intervalMs: 60_000 },
};

export class Bucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly config: BucketConfig,
    now: number,
  ) {
    this.tokens = config.burst;
    this.last = now;
  }

  private refill(now: number): void {
    const earned = Math.floor((now - this.last) / this.config.intervalMs);
    if (earned <= 0) return;
    this.tokens = Math.min(this.config.burst, this.tokens + earned);
    // Keep the partial interval so that refills stay on the interval's grid.
    this.last = this.tokens === this.config.burst ? now : this.last + earned * this.config.intervalMs;
  }

  /** Takes a token; returns null when granted, else the time at which one will be there. */
  take(now: number): number | null {
    this.refill(now);
    if (this.tokens > 0) {
      if (this.tokens === this.config.burst) this.last = now;
      this.tokens -= 1;
      return null;
    }
    return this.last + this.config.intervalMs;
  }
}
