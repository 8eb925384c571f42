/** `nx release-status` through Nx: the root target is inferred, runs, prints, exits 0. */
import { afterEach, describe, expect, it } from 'vitest';
import { exampleRoot, makeWorkspace, nxOk, type TempWorkspace } from './support/workspace';

let ws: TempWorkspace | undefined;
afterEach(() => ws?.cleanup());

describe('nx release-status', () => {
  it('prints the lines and says GitHub is skipped without a token', () => {
    ws = makeWorkspace({ from: exampleRoot, git: true });
    ws.git(['branch', 'release-5.0.0']);
    const out = nxOk(ws, ['release-status'], { GITHUB_TOKEN: '' });
    expect(out).toMatch(/release-5\.0\.0 +5\.0\.0 +final, not tagged +current/);
    expect(out).toContain('github  no token in GITHUB_TOKEN');
  });
});
