/**
 * The one way the plugin runs programs (nothing else imports child_process): argument arrays,
 * never a shell; secrets reach a program only through its environment, and every secret the
 * run holds (core/secrets.ts) is masked in what comes back (output and errors); output is
 * captured, and streamed line by line when the caller wants progress.
 *
 * Built on node:child_process, not execa: loading execa (ESM) and its per-process plumbing
 * (signal-exit hooks, abort listeners, stream helpers) cost more CPU than the dozen git calls
 * of `release-major --dry-run` themselves (tools/bench/README.md, "where the time went").
 * What execa gave beyond the standard library is kept here: children stop with this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReleaseError } from '../core/errors';
import { maskSecrets } from '../core/secrets';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  /** Chunks written to the program's stdin as it reads them (e.g. a tar stream). */
  stdin?: AsyncIterable<Uint8Array>;
  /** Variables set for the program, over the inherited environment. */
  env?: Record<string, string | undefined>;
  /** Variables removed from the inherited environment (secrets a build script must not see). */
  withoutEnv?: readonly string[];
  /** Return a non-zero exit instead of throwing. */
  reject?: boolean;
  timeoutMs?: number;
  /** Every output line (stdout and stderr, in order) as it comes; output is still captured. */
  onLine?: (line: string) => void;
  /** Write stdout to this file instead of capturing it. */
  stdoutFile?: string;
  /** Hand stdout over chunk by chunk as it comes instead of capturing it (a program answering requests). */
  onStdout?: (chunk: Buffer) => void;
}

/** A program that failed: its name, arguments and (masked) output. */
export class CommandError extends ReleaseError {
  constructor(
    readonly program: string,
    readonly args: readonly string[],
    readonly result: RunResult,
    why = `exit ${result.exitCode}`,
  ) {
    super(
      `${[program, ...args].join(' ')} failed (${why}): ${result.stderr.trim() || result.stdout.trim()}`,
      why === 'not found' ? `install ${program} and make sure it is on PATH` : `read ${program}'s output above, fix what it reports, and rerun`,
    );
  }
}

/**
 * Children still running when this process is stopped are stopped with it (SIGTERM), as
 * execa's `cleanup` did: a cancelled CI job or Nx stopping a task signals this process only.
 * When nothing else listens for the signal, the process then stops as Node would have.
 */
const live = new Set<ChildProcess>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const stopChildren = () => {
  for (const child of live) child.kill('SIGTERM');
};
function onStopSignal(signal: NodeJS.Signals): void {
  stopChildren();
  if (process.listenerCount(signal) === 1) {
    unwatch();
    process.kill(process.pid, signal);
  }
}
function watch(child: ChildProcess): void {
  if (live.size === 0) {
    for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
    process.on('exit', stopChildren);
  }
  live.add(child);
}
function unwatch(child?: ChildProcess): void {
  if (child) live.delete(child);
  if (child && live.size > 0) return;
  for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
  process.off('exit', stopChildren);
}

/** The environment a program gets: this process's, with `env` over it and `withoutEnv` removed. */
function environment(opts: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const name of opts.withoutEnv ?? []) delete env[name];
  return env;
}

/** A program's stdin closing before it read everything is its business (its exit says how it went). */
const closedEarly = (e: unknown) => ['EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED'].includes((e as { code?: string }).code ?? '');

interface Finished {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
  notFound: boolean;
}

async function launch(program: string, args: readonly string[], opts: RunOptions, masks: NodeJS.ProcessEnv): Promise<Finished> {
  const feeds = opts.input !== undefined || opts.stdin !== undefined;
  const stdoutFd = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : undefined;
  let child: ChildProcess;
  try {
    child = spawn(program, [...args], {
      cwd: opts.cwd,
      env: environment(opts),
      stdio: [feeds ? 'pipe' : 'ignore', stdoutFd ?? 'pipe', 'pipe'],
      timeout: opts.timeoutMs,
      windowsHide: true,
    });
  } finally {
    if (stdoutFd !== undefined) closeSync(stdoutFd); // the child holds its own copy
  }
  watch(child);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', opts.onStdout ?? ((chunk: Buffer) => stdout.push(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  if (opts.onLine) {
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => opts.onLine!(maskSecrets(line, masks)));
    }
  }
  let feedError: unknown;
  const fed = child.stdin
    ? pipeline(opts.stdin ? Readable.from(opts.stdin) : Readable.from([Buffer.from(opts.input ?? '')]), child.stdin).catch((e: unknown) => {
        if (!closedEarly(e)) feedError = e;
      })
    : undefined;
  const [code, error] = await new Promise<[number | null, NodeJS.ErrnoException | undefined]>((done) => {
    let failure: NodeJS.ErrnoException | undefined;
    child.on('error', (e) => (failure = e));
    child.on('close', (exit: number | null) => done([exit, failure]));
  });
  unwatch(child);
  await fed;
  if (feedError) throw feedError;
  return {
    exitCode: code ?? 1,
    stdout: Buffer.concat(stdout),
    stderr: Buffer.concat(stderr),
    notFound: error?.code === 'ENOENT',
  };
}

export async function run(program: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const masks = { ...process.env, ...opts.env };
  const done = await launch(program, args, opts, masks);
  const result: RunResult = {
    exitCode: done.exitCode,
    stdout: maskSecrets(done.stdout.toString('utf8'), masks),
    stderr: maskSecrets(done.stderr.toString('utf8'), masks),
  };
  // A program that does not exist never ran: say so (exit 127, as a shell would) rather than "exit 1" with no output.
  if (done.notFound) Object.assign(result, { exitCode: 127, stderr: `program "${program}" was not found (is it installed and on PATH?)` });
  if (result.exitCode !== 0 && opts.reject !== false) throw new CommandError(program, args, result, done.notFound ? 'not found' : undefined);
  return result;
}

/**
 * `run` for output that is bytes (git objects): nothing is decoded, so a file that is not
 * UTF-8 reaches the caller as it is stored, with git's sizes still counting its bytes.
 */
export async function runBytes(program: string, args: readonly string[], opts: RunOptions): Promise<{ exitCode: number; stdout: Uint8Array; stderr: string }> {
  const masks = { ...process.env, ...opts.env };
  const done = await launch(program, args, { ...opts, onLine: undefined, stdoutFile: undefined }, masks);
  const stderr = maskSecrets(done.stderr.toString('utf8'), masks);
  const result = {
    exitCode: done.notFound ? 127 : done.exitCode,
    stdout: new Uint8Array(done.stdout.buffer, done.stdout.byteOffset, done.stdout.length),
    stderr,
  };
  if (result.exitCode !== 0 && opts.reject !== false)
    throw new CommandError(program, args, { exitCode: result.exitCode, stdout: '', stderr }, done.notFound ? 'not found' : undefined);
  return result;
}

/** The same runner under the name some modules use. */
export const exec = run;
