/** The generated workflow's branch and tag filters, read as GitHub reads them. */
import { describe, expect, it } from 'vitest';
import { ciWorkflowOptions } from './ci-workflow-settings';
import { BRANCH_FILTER } from './ci-workflow-values';
import { DEFAULT_OPTIONS } from './settings/options';
import { fillPattern } from './settings/pattern';

/**
 * GitHub's filter syntax (the "filter pattern cheat sheet" of the workflow syntax), the parts a
 * generated filter uses: `*` any run without `/`, `[0-9]` one digit, `+` one or more of it.
 */
function matches(filter: string, name: string): boolean {
  const source = filter.replace(/\[0-9\]\+|\*|\./g, (t) => (t === '*' ? '[^/]*' : t === '.' ? '\\.' : t));
  return new RegExp(`^${source}$`).test(name);
}

const VERSIONS = ['5.0.0', '0.92.0', '48.0.0', '1.257.0'];
/** Names CI runs on that are no release branch or tag: main, bump and review branches, dependabot's. */
const OTHERS = ['main', 'ci/bump-to-5.0.0', 'ci/release-5.0.0', 'dependabot/cargo/serde-1.0.200', 'feature', 'x.y', '5', 'release-5'];

describe('ciWorkflowOptions: branch and tag filters', () => {
  it.each([
    ['release-{version}', 'release-[0-9]+.[0-9]+.[0-9]+*'],
    ['{major}.{minor}', '[0-9]+.[0-9]+'],
    ['release-{major}.{minor}', 'release-[0-9]+.[0-9]+'],
    ['rel/{major}.{minor}.x', 'rel/[0-9]+.[0-9]+.x'],
    ['v{major}.{minor}.{patch}', 'v[0-9]+.[0-9]+.[0-9]+'],
    ['{major}.{minor}-{major}', '[0-9]+.[0-9]+-[0-9]+'],
  ])('branchPattern %s runs on its release branches only (%s)', (branchPattern, filter) => {
    const { releaseBranches } = ciWorkflowOptions({ ...DEFAULT_OPTIONS, branchPattern }, {});
    expect(releaseBranches).toBe(filter);
    expect(releaseBranches).toMatch(BRANCH_FILTER);
    for (const v of VERSIONS) expect(matches(releaseBranches, fillPattern(branchPattern, v)), v).toBe(true);
    for (const name of OTHERS) expect(matches(releaseBranches, name), name).toBe(false);
  });

  it.each([
    ['v{version}', 'v[0-9]+.[0-9]+.[0-9]+*'],
    ['release/v{version}', 'release/v[0-9]+.[0-9]+.[0-9]+*'],
    ['wasmtime-{version}', 'wasmtime-[0-9]+.[0-9]+.[0-9]+*'],
  ])('tagPattern %s runs on releases and candidates only (%s)', (tagPattern, filter) => {
    const { tagPattern: tags } = ciWorkflowOptions({ ...DEFAULT_OPTIONS, tagPattern }, {});
    expect(tags).toBe(filter);
    for (const v of [...VERSIONS, '50.0.0-rc.1', '0.92.1']) expect(matches(tags, fillPattern(tagPattern, v)), v).toBe(true);
    for (const name of [...OTHERS, 'v-next', 'vendor']) expect(matches(tags, name), name).toBe(false);
  });
});
