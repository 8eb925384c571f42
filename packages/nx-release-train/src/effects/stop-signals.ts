/**
 * Work that must happen even when the run is stopped: ctrl-c (SIGINT) or a cancelled CI job
 * (GitHub Actions sends SIGINT, then SIGTERM 7.5 s later, then kills). The cleanup runs once,
 * bounded in time, then the process stops as the signal asked (the handler is removed and the
 * signal raised again, so the default action or Nx's own handler follows).
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Longest a cleanup may take after a signal: well inside the 7.5 s before CI's SIGTERM. */
export const STOP_CLEANUP_MS = 5_000;

/** Runs `cleanup` on SIGINT or SIGTERM; returns the function that stops watching (call it when the work is done). */
export function onStopSignal(cleanup: () => Promise<void>, boundMs = STOP_CLEANUP_MS): () => void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const bound = new Promise<void>((done) => setTimeout(done, boundMs).unref());
    void Promise.race([cleanup().catch(() => undefined), bound]).finally(() => {
      unwatch();
      process.kill(process.pid, signal);
    });
  };
  const unwatch = () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return unwatch;
}
