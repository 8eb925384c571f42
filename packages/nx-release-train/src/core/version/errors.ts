/**
 * Refusals of the planner. Every check runs before anything is thrown, so one PlanError lists
 * every problem at once (a release manager fixes them in one go, not one per run).
 */
import { formatProblem, ReleaseError } from '../errors';
import type { Diagnostic } from '../model';

/** A problem found while planning: `level` 'error' refuses the plan, 'warning' is reported. */
export type Problem = Diagnostic;

export class PlanError extends ReleaseError {
  constructor(problems: Problem[]) {
    super(formatProblems(problems), 'fix every problem listed, then rerun', { problems });
  }

  override get headline(): string {
    return 'the release plan was refused; nothing was changed:';
  }
}

/** `file:line: level: message\n  fix: ...` per problem, for terminals and logs. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Collects problems while the planner runs. */
export class Problems {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(file: string, line: number | undefined, message: string, fix: string): void {
    this.errors.push(problem('error', file, line, message, fix));
  }

  /** `kind` names warnings that may be summarized as a count when there are many (summary.ts). */
  warn(file: string, line: number | undefined, message: string, fix: string, kind?: string): void {
    const p = problem('warning', file, line, message, fix);
    this.warnings.push(kind ? { ...p, kind } : p);
  }

  /** Throws a PlanError holding every error found so far (warnings come along for context). */
  throwIfAny(): void {
    if (this.errors.length) throw new PlanError([...this.errors, ...this.warnings]);
  }
}

function problem(level: Problem['level'], file: string, line: number | undefined, message: string, fix: string): Problem {
  return line === undefined ? { level, file, message, fix } : { level, file, line, message, fix };
}
