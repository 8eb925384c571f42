/**
 * `--issue`: one GitHub issue kept current with the status, found by its label (setting
 * `statusIssue.label`): created the first time, edited in place afterwards, never duplicated.
 */
import type { Status } from '../../core/status/types';
import { githubTarget } from '../../effects/github-target';
import type { ReleaseStatusRequest } from '../release-status';
import type { Services } from '../services';

export async function keepIssue(req: ReleaseStatusRequest, services: Services, status: Status, body: string, say: (line: string) => void): Promise<void> {
  const { title, label } = req.options.statusIssue;
  // GitHub was not read (no token, no repository, unreachable): the skipped list says so once.
  if (status.pulls === null) return;
  const gh = await githubTarget(req.github, { needs: '--issue', fix: 'write issues (issues: write)' }, services.git(), req.options.remote);
  const issues = await services.github.issues({ token: gh.token, baseUrl: gh.apiUrl, repository: gh.repository });
  const [found, ...more] = await issues.listByLabel(label);
  if (!found) {
    const made = await issues.create({ title, body, labels: [label] });
    say(`opened the status issue #${made.number} (${made.url})`);
    return;
  }
  if (more.length)
    services.log.warn(
      `more than one open issue carries the label "${label}" (#${[found, ...more].map((i) => i.number).join(', #')}); #${found.number}, the oldest, is kept current: close the others`,
    );
  if (found.title === title && (found.body ?? '') === body) {
    say(`the status issue #${found.number} is current (${found.url})`);
    return;
  }
  await issues.update(found.number, { title, body });
  say(`updated the status issue #${found.number} (${found.url})`);
}
