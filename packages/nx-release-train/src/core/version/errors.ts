/**
 * Refusals of the planner. Every check runs before anything is thrown, so one PlanError lists
 * every problem at once (a release manager fixes them in one go, not one per run).
 */
import type { Diagnostic } from '../model';

/** A problem found while planning: `level` 'error' refuses the plan, 'warning' is reported. */
export type Problem = Diagnostic;

export class PlanError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'PlanError';
  }
}

/** `file:line: message\n  fix: ...` per problem, for terminals and logs. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => `${p.level}: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n  fix: ${p.fix}`)
    .join('\n');
}

/** Collects problems while the planner runs. */
export class Problems {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(file: string, line: number | undefined, message: string, fix: string): void {
    this.errors.push(problem('error', file, line, message, fix));
  }

  warn(file: string, line: number | undefined, message: string, fix: string): void {
    this.warnings.push(problem('warning', file, line, message, fix));
  }

  /** Throws a PlanError holding every error found so far (warnings come along for context). */
  throwIfAny(): void {
    if (this.errors.length) throw new PlanError([...this.errors, ...this.warnings]);
  }
}

function problem(level: Problem['level'], file: string, line: number | undefined, message: string, fix: string): Problem {
  return line === undefined ? { level, file, message, fix } : { level, file, line, message, fix };
}
