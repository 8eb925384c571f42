/** One wording for every failure a release command can meet: the message and its fix. */
import { ReleaseError } from '../core/release';
import { PlanError, formatProblems } from '../core/version';
import { CommandError } from '../effects/exec';

export function describeError(err: unknown): string {
  if (err instanceof ReleaseError) return `error: ${err.message}\n  fix: ${err.fix}`;
  if (err instanceof PlanError) return `the release plan was refused; nothing was changed:\n${formatProblems(err.problems)}`;
  if (err instanceof CommandError) return `error: ${err.message}`;
  return `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
}
