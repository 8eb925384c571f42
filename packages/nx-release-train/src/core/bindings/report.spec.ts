import { describe, expect, it } from 'vitest';
import { pullRequestBody, renderTable } from './report';

describe('bindings report', () => {
  it('lists changed files and the tag to create, or says the commit only marks the release', () => {
    const body = pullRequestBody('46.0.0', '{version}', ['VERSION', 'ci/dl.py']);
    expect(body).toContain('- `VERSION`\n- `ci/dl.py`');
    expect(body).toContain('tag the merge commit `46.0.0`');
    expect(pullRequestBody('46.0.0', 'v{version}', [])).toContain('No file in this repository carries the version');
  });

  it('pads columns and marks failures with their first line', () => {
    const table = renderTable([
      { repo: 'py', branch: 'b-1', pullRequest: 'https://x/pull/1', state: 'unchanged', ok: true },
      { repo: 'go', branch: 'b-1', pullRequest: '-', state: 'git clone failed: fatal\nmore detail', ok: false },
    ]);
    expect(table.split('\n')).toEqual([
      'repo  branch  pull request      state',
      '----  ------  ----------------  ' + '-'.repeat('FAILED: git clone failed: fatal'.length),
      'py    b-1     https://x/pull/1  unchanged',
      'go    b-1     -                 FAILED: git clone failed: fatal',
    ]);
  });
});
