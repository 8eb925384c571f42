/**
 * kill -9 for the campaigns: the real nx CLI in its own process group, killed as a whole
 * (nx, its task runner, git, cargo, a remote's receive-pack) with SIGKILL, as a runner that
 * loses its machine would. Real nx rather than the command in-process: the process tree that
 * dies in CI is nx's, and a kill must land between the same writes it would interrupt there.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { gitEnv, NX_ENV, repoRoot } from './workspace';

export interface Spawned {
  /** Settles when the process exits (killed or not), with its exit code and output. */
  done: Promise<{ code: number | null; out: string }>;
  /** SIGKILL to the whole process group; harmless once it has exited. */
  kill(): void;
}

/** `env` goes over git's and Nx's test environment; with `exact`, it is the whole environment. */
export function spawnNx(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, exact = false): Spawned {
  const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], {
    cwd,
    env: exact ? env : { ...gitEnv(), ...NX_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
  return {
    done,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Polls `check` until it holds (true) or `timeoutMs` passes (false). */
export async function until(check: () => boolean, timeoutMs = 60_000, pollMs = 15): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return false;
}

/**
 * Runs nx and kills its process group once `when` holds. Throws when the run ended first or
 * `when` never held in `timeoutMs` (killed all the same): a campaign cannot pass without its kill.
 */
export async function killedWhen(cwd: string, args: string[], env: NodeJS.ProcessEnv, when: () => boolean, timeoutMs = 180_000): Promise<void> {
  const run = spawnNx(cwd, args, env);
  let exited = false;
  void run.done.then(() => (exited = true));
  // A run that ends before its kill point fails the campaign at once instead of at the timeout.
  const reached = (await until(() => when() || exited, timeoutMs, 20)) && !exited;
  run.kill();
  const { out } = await run.done;
  if (!reached) throw new Error(`nx ${args.join(' ')} ${exited ? 'ended' : 'was still running'} before its kill point\n${out}`);
}

export interface NxRun {
  code: number | null;
  out: string;
}

export interface NxRunOptions {
  /** Polled every 20 ms; when true, the whole process group gets SIGKILL. */
  killWhen?: () => boolean;
  /** Receives `ps` output every 100 ms while the run goes (to prove no secret is in argv). */
  sample?: string[];
}

/**
 * nx run asynchronously (a local registry in the test's process keeps answering), killed when
 * `killWhen` holds and, with `sample`, every process's argv collected while it runs. `env` is the
 * whole environment (a test of a missing token must not get one back from this process).
 */
export async function nxKillable(cwd: string, args: string[], env: NodeJS.ProcessEnv, opts: NxRunOptions = {}): Promise<NxRun> {
  const run = spawnNx(cwd, args, env, true);
  const killer = opts.killWhen
    ? setInterval(() => {
        if (opts.killWhen!()) {
          clearInterval(killer);
          run.kill();
        }
      }, 20)
    : undefined;
  const sampler = opts.sample ? setInterval(() => execFile('ps', ['-eww', '-o', 'args='], (_e, stdout) => opts.sample!.push(stdout)), 100) : undefined;
  const { code, out } = await run.done;
  clearInterval(killer);
  clearInterval(sampler);
  return { code, out };
}
