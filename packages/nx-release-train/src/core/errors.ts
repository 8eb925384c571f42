/**
 * The one failure path. Every failure a user can act on is a ReleaseError (or a subclass):
 * what went wrong, the fix, and where (file, line, setting) when known, as fields. One function
 * prints them all in one layout, the compiler's (`file:line: error: message` then `  fix: ...`),
 * which graph diagnostics use too; executors turn them into `{ success: false }` through one
 * adapter (executors/shared.ts).
 */
import type { Diagnostic } from './model';
import { maskSecrets } from './secrets';

export interface FailurePlace {
  file?: string;
  line?: number;
  /** Plugin setting path, e.g. `artifacts.compression`. */
  setting?: string;
  /** Several problems behind one failure (a refused plan lists them all), each with its place. */
  problems?: Diagnostic[];
}

export class ReleaseError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly setting?: string;
  readonly problems: Diagnostic[];

  constructor(
    message: string,
    readonly fix: string,
    place: FailurePlace = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.file = place.file;
    this.line = place.line;
    this.setting = place.setting;
    this.problems = place.problems ?? [];
  }

  /** The first line printed; subclasses whose message lists the problems give a headline. */
  get headline(): string {
    return this.message;
  }
}

export interface Printable {
  level?: 'error' | 'warning';
  file?: string;
  line?: number;
  setting?: string;
  message: string;
  fix?: string;
}

/**
 * `file:line: level: message` (or `level: message` without a file; the setting named when the
 * message does not), then `  fix: ...` unless the message already states its fix.
 */
export function formatProblem(p: Printable): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
  const setting = p.setting && !p.message.includes(p.setting) ? ` (setting "${p.setting}")` : '';
  const head = `${where}${p.level ?? 'error'}: ${p.message}${setting}`;
  return p.fix && !p.message.includes(p.fix) ? `${head}\n  fix: ${p.fix}` : head;
}

/**
 * The one printer of failures, every secret the run holds masked (a server's error text may
 * echo a token). Anything that is not a ReleaseError is a bug: its stack is shown.
 */
export function formatFailure(err: unknown): string {
  return maskSecrets(failureText(err));
}

function failureText(err: unknown): string {
  if (err instanceof ReleaseError) {
    if (err.problems.length === 0) return formatProblem({ file: err.file, line: err.line, setting: err.setting, message: err.message, fix: err.fix });
    return [`error: ${err.headline}`, ...err.problems.map(formatProblem)].join('\n');
  }
  return `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}
