/**
 * Work that must happen even when the run is stopped: ctrl-c (SIGINT) or a cancelled CI job
 * (GitHub Actions sends SIGINT, then SIGTERM 7.5 s later, then kills). The cleanup runs once,
 * bounded in time, then the process stops as the signal asked (the handler is removed and the
 * signal raised again, so the default action or Nx's own handler follows).
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** Longest a cleanup may take after a signal: well inside the 7.5 s before CI's SIGTERM. */
export const STOP_CLEANUP_MS = 5_000;

/** Where stop signals come from and how the process then stops: the process itself; a test emits its own. */
export interface SignalSource {
  on(signal: StopSignal, handler: (signal: StopSignal) => void): void;
  off(signal: StopSignal, handler: (signal: StopSignal) => void): void;
  /** Stops as `signal` asks, once the cleanup is done. */
  raise(signal: StopSignal): void;
}

export const processSignals: SignalSource = {
  on: (signal, handler) => process.on(signal, handler),
  off: (signal, handler) => process.off(signal, handler),
  raise: (signal) => process.kill(process.pid, signal),
};

/** Runs `cleanup` on SIGINT or SIGTERM; returns the function that stops watching (call it when the work is done). */
export function onStopSignal(cleanup: () => Promise<void>, source: SignalSource = processSignals, boundMs = STOP_CLEANUP_MS): () => void {
  let stopping = false;
  const handler = (signal: StopSignal) => {
    if (stopping) return;
    stopping = true;
    const bound = new Promise<void>((done) => setTimeout(done, boundMs).unref());
    void Promise.race([cleanup().catch(() => undefined), bound]).finally(() => {
      unwatch();
      source.raise(signal);
    });
  };
  const unwatch = () => {
    for (const s of SIGNALS) source.off(s, handler);
  };
  for (const s of SIGNALS) source.on(s, handler);
  return unwatch;
}
