/**
 * Every value a setting or a generator flag puts into the workflow is checked before any YAML
 * is written: names that become YAML keys, expression parts or bash text must be plain names,
 * so no setting can add a step, a key or an expression. Values are also quoted where written.
 */
import { ReleaseError } from './errors';
import type { Diagnostic } from './model';

/** An environment variable name as a YAML key and in `$NAME`. */
export const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** A repository secret's name, as GitHub allows it (`secrets.NAME` in an expression). */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A Rust target triple or a runner label (a matrix value and a YAML scalar). */
export const PLAIN = /^[A-Za-z0-9_.-]+$/;
/** A job name (the platform's job and workflow artifact, `artifacts-<platform>`). */
export const JOB_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A directory relative to the workspace, written into globs (`<dir>/*`). */
export const DIRECTORY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
/** A deployment environment's name. */
export const ENVIRONMENT = /^[A-Za-z0-9_.-][A-Za-z0-9 _.-]*$/;
/**
 * A branch or tag filter: text GitHub's filter and a bash prefix test take literally, plus the
 * placeholders' `[0-9]+` and `*` (settings/pattern.ts, patternFilter).
 */
export const BRANCH_FILTER = /^(?:[A-Za-z0-9_./*-]|\[0-9\]\+)+$/;

export interface WorkflowValue {
  value: string;
  pattern: RegExp;
  /** Where the value comes from: a setting (`setting "x"`) or a flag (`--x`). */
  from: string;
  expected: string;
}

/**
 * Refuses, in one error listing all, every value that is not of its kind, with `more` problems
 * found beyond the patterns (e.g. a retired runner label).
 */
export function checkWorkflowValues(values: readonly WorkflowValue[], more: readonly Diagnostic[] = []): void {
  const bad = values.filter((v) => !v.pattern.test(v.value));
  const problems: Diagnostic[] = [
    ...bad.map((v) => ({
      level: 'error' as const,
      file: 'nx.json',
      message: `${v.from} = ${JSON.stringify(v.value)} is not ${v.expected}`,
      fix: `use ${v.expected}`,
    })),
    ...more,
  ];
  if (problems.length === 0) return;
  throw new ReleaseError(
    `the workflow was not written: ${problems.length === 1 ? 'a value is' : `${problems.length} values are`} not fit to put into it`,
    'fix each value listed, then generate again',
    { problems },
  );
}
