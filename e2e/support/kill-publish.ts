/**
 * The real nx CLI run asynchronously (the local registry lives in the test's process), in
 * its own process group so that `killWhen` can kill -9 nx, its task processes and cargo at
 * once, as a CI runner does when a job is cancelled. `sample` collects every process's argv
 * while the run goes (to prove no secret is in argv). The lead may unify this with
 * e2e/support/kill.ts.
 */
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workspace';

export interface NxRun {
  code: number | null;
  out: string;
}

export interface NxRunOptions {
  /** Polled every 20 ms; when true, the whole process group gets SIGKILL. */
  killWhen?: () => boolean;
  /** Receives `ps` output every 100 ms while the run goes. */
  sample?: string[];
}

export function nxKillable(cwd: string, args: string[], env: NodeJS.ProcessEnv, opts: NxRunOptions = {}): Promise<NxRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd, env, detached: true });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const killer = opts.killWhen
      ? setInterval(() => {
          if (opts.killWhen!()) {
            clearInterval(killer);
            process.kill(-child.pid!, 'SIGKILL');
          }
        }, 20)
      : undefined;
    const sampler = opts.sample ? setInterval(() => execFile('ps', ['-eww', '-o', 'args='], (_e, stdout) => opts.sample!.push(stdout)), 100) : undefined;
    child.on('close', (code) => {
      clearInterval(killer);
      clearInterval(sampler);
      resolve({ code, out });
    });
  });
}
