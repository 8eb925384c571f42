/** Time, injected so that commands and their tests agree on "now" and "today". */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Today's date in UTC, YYYY-MM-DD. */
  today(): string;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  today: () => new Date().toISOString().slice(0, 10),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};
