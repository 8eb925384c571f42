/**
 * The one way the plugin runs programs (nothing else imports execa or child_process):
 * argument arrays, never a shell; secrets reach a program only through its environment, and
 * every secret the run holds (core/secrets.ts) is masked in what comes back (output and errors);
 * output is captured, and streamed line by line when the caller wants progress. execa is
 * ESM-only; it is loaded once, lazily, so the plugin's graph code never pays for it.
 */
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
  /**
   * Interrupt the program (SIGINT, as ctrl-c would) once its stderr so far matches: the
   * caller has seen what it needed (e.g. cargo's "Uploaded"); that run counts as a success.
   */
  stopWhen?: RegExp;
  /** Write stdout to this file instead of capturing it. */
  stdoutFile?: string;
}

type Execa = typeof import('execa').execa;
let execaPromise: Promise<Execa> | undefined;

async function loadExeca(): Promise<Execa> {
  execaPromise ??= import('execa').then((m) => m.execa);
  return execaPromise;
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

function environment(opts: RunOptions): { env: NodeJS.ProcessEnv; extendEnv: boolean } {
  if (!opts.withoutEnv?.length) return { env: opts.env ?? {}, extendEnv: true };
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  for (const name of opts.withoutEnv) delete env[name];
  return { env, extendEnv: false };
}

export async function run(program: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const execa = await loadExeca();
  const { env, extendEnv } = environment(opts);
  const masks = { ...process.env, ...opts.env };
  const streaming = opts.onLine !== undefined;
  const child = execa(program, args, {
    cwd: opts.cwd,
    input: opts.input,
    ...(opts.stdin ? { stdin: opts.stdin } : {}),
    ...(opts.stdoutFile ? { stdout: { file: opts.stdoutFile } } : {}),
    env,
    extendEnv,
    reject: false,
    stripFinalNewline: false,
    timeout: opts.timeoutMs,
    encoding: 'utf8',
    all: streaming,
  });
  let stopped = false;
  if (opts.stopWhen) {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (!stopped && opts.stopWhen!.test(seen)) {
        stopped = true;
        child.kill('SIGINT');
      }
    });
  }
  if (streaming) {
    for await (const line of child.iterable({ from: 'all' })) opts.onLine!(maskSecrets(String(line), masks));
  }
  const done = await child;
  const result: RunResult = {
    exitCode: stopped ? 0 : (done.exitCode ?? 1),
    stdout: maskSecrets(String(done.stdout ?? ''), masks),
    stderr: maskSecrets(String(done.stderr ?? ''), masks),
  };
  // A program that does not exist never ran: say so (exit 127, as a shell would) rather than "exit 1" with no output.
  const notFound = (done as { code?: string }).code === 'ENOENT';
  if (notFound) Object.assign(result, { exitCode: 127, stderr: `program "${program}" was not found (is it installed and on PATH?)` });
  if (result.exitCode !== 0 && opts.reject !== false) throw new CommandError(program, args, result, notFound ? 'not found' : undefined);
  return result;
}

/**
 * `run` for output that is bytes (git objects): nothing is decoded, so a file that is not
 * UTF-8 reaches the caller as it is stored, with git's sizes still counting its bytes.
 */
export async function runBytes(program: string, args: readonly string[], opts: RunOptions): Promise<{ exitCode: number; stdout: Uint8Array; stderr: string }> {
  const execa = await loadExeca();
  const { env, extendEnv } = environment(opts);
  const child = await execa(program, args, { cwd: opts.cwd, input: opts.input, env, extendEnv, reject: false, stripFinalNewline: false, encoding: 'buffer' });
  const stderr = maskSecrets(Buffer.from(child.stderr as Uint8Array).toString('utf8'), { ...process.env, ...opts.env });
  const result = { exitCode: child.exitCode ?? 1, stdout: child.stdout as Uint8Array, stderr };
  if (result.exitCode !== 0 && opts.reject !== false) throw new CommandError(program, args, { exitCode: result.exitCode, stdout: '', stderr });
  return result;
}

/** The same runner under the name some modules use. */
export const exec = run;
