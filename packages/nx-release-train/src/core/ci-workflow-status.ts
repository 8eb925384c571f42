/**
 * The last job of every run of the generated workflow: whatever step ran (or failed), the
 * status issue and the run's summary are brought up to date (`nx release-status --issue
 * --summary`). Read-only apart from that issue: the job token may write issues, nothing else.
 */
import type { CiWorkflowOptions } from './ci-workflow';
import { setupSteps, type Lines } from './ci-workflow-jobs';

/** The jobs of a workflow's lines (two-space-indented keys under `jobs:`). */
export function jobNames(lines: Lines): string[] {
  const from = lines.indexOf('jobs:');
  return lines.slice(from + 1).flatMap((l) => /^  ([A-Za-z0-9_-]+):$/.exec(l)?.[1] ?? []);
}

/** `steps`: every other job of the workflow, which it waits for whether they ran or not. */
export function statusJob(o: CiWorkflowOptions, steps: string[]): Lines {
  return [
    "  # After each step of the train (this run's jobs, whichever ran): the status issue and summary.",
    '  status:',
    `    needs: [${steps.join(', ')}]`,
    '    if: always()',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '      issues: write',
    '      pull-requests: read',
    '    steps:',
    ...setupSteps(o.nodeVersion),
    '      - name: Show where the train is (status issue and run summary)',
    '        env:',
    `          ${o.githubTokenEnv}: \${{ github.token }}`,
    '        run: npx nx release-status --issue --summary',
    '',
  ];
}
