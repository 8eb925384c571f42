/**
 * Runs programs as argument arrays (never a shell). execa is ESM-only; it is loaded once,
 * lazily, so the plugin's graph code never pays for it.
 */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string;
  env?: Record<string, string | undefined>;
  /** Return a non-zero exit instead of throwing. */
  reject?: boolean;
  timeoutMs?: number;
}

type Execa = typeof import('execa').execa;
let execaPromise: Promise<Execa> | undefined;

async function loadExeca(): Promise<Execa> {
  execaPromise ??= import('execa').then((m) => m.execa);
  return execaPromise;
}

export class CommandError extends Error {
  constructor(
    readonly file: string,
    readonly args: readonly string[],
    readonly result: RunResult,
  ) {
    super(`${file} ${args.join(' ')} failed (exit ${result.exitCode}): ${result.stderr.trim() || result.stdout.trim()}`);
    this.name = 'CommandError';
  }
}

export async function run(file: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const execa = await loadExeca();
  const child = await execa(file, args, {
    cwd: opts.cwd,
    input: opts.input,
    env: opts.env,
    extendEnv: true,
    reject: false,
    stripFinalNewline: false,
    timeout: opts.timeoutMs,
    encoding: 'utf8',
  });
  // A program that does not exist never ran: say so (exit 127, as a shell would) rather than "exit 1" with no output.
  const notFound = (child as { code?: string }).code === 'ENOENT';
  const result: RunResult = notFound
    ? { exitCode: 127, stdout: '', stderr: `program "${file}" was not found (is it installed and on PATH?)` }
    : { exitCode: child.exitCode ?? 1, stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? '') };
  if (result.exitCode !== 0 && opts.reject !== false) throw new CommandError(file, args, result);
  return result;
}

/**
 * `run` for output that is bytes (git objects): nothing is decoded, so a file that is not
 * UTF-8 reaches the caller as it is stored, with git's sizes still counting its bytes.
 */
export async function runBytes(file: string, args: readonly string[], opts: RunOptions): Promise<{ exitCode: number; stdout: Uint8Array; stderr: string }> {
  const execa = await loadExeca();
  const child = await execa(file, args, { cwd: opts.cwd, input: opts.input, env: opts.env, extendEnv: true, reject: false, stripFinalNewline: false, encoding: 'buffer' });
  const result = { exitCode: child.exitCode ?? 1, stdout: child.stdout as Uint8Array, stderr: Buffer.from(child.stderr as Uint8Array).toString('utf8') };
  if (result.exitCode !== 0 && opts.reject !== false) throw new CommandError(file, args, { exitCode: result.exitCode, stdout: '', stderr: result.stderr });
  return result;
}
