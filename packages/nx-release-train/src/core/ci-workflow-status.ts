/**
 * The last job of every run of the generated workflow: whatever step ran (or failed), the
 * status issue and the run's summary are brought up to date (`nx release-status --issue
 * --summary`). Read-only apart from that issue: the job token may write issues, nothing else.
 */
import type { CiWorkflowOptions } from './ci-workflow';
import { setupSteps, type Lines } from './ci-workflow-jobs';

export function statusJob(o: CiWorkflowOptions): Lines {
  const steps = ['cut', 'release-rc', 'release-latest', 'release-patch', 'tag', 'publish', 'artifacts', 'assets', ...(o.bindings ? ['bindings'] : [])];
  return [
    '  # After each step of the train (this run\'s jobs, whichever ran): the status issue and summary.',
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
