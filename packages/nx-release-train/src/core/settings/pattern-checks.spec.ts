import { describe, expect, it } from 'vitest';
import { wasmtimePreset } from '../../presets/wasmtime';
import { resolveOptions } from './options';

const problems = (raw: Record<string, unknown>) => resolveOptions(raw).problems;

describe('the train’s ref names never meet', () => {
  it('a review branch that is the main branch is refused', () => {
    const [p, ...rest] = problems({ releaseReviewBranchPattern: 'main' });
    expect(rest).toEqual([]);
    expect(p.setting).toBe('releaseReviewBranchPattern');
    expect(p.message).toBe('releaseReviewBranchPattern "main" gives "main", which is also the main branch (mainBranch "main")');
    expect(p.fix).toContain('in nx.json');
    expect(p.fix).toContain('"ci/release-{version}"');
    // A pattern that can read the main branch as a version collides too.
    expect(problems({ mainBranch: '1.0', rcReviewBranchPattern: '{major}.{minor}' }).map((q) => q.setting)).toEqual(['rcReviewBranchPattern']);
  });

  it('a review or bump branch shaped like a release branch is refused', () => {
    expect(problems({ releaseReviewBranchPattern: 'release-{version}' })[0].message).toContain('also a release branch (branchPattern "release-{version}")');
    expect(problems({ bumpBranchPattern: 'release-{version}' }).map((q) => q.setting)).toEqual(['bumpBranchPattern']);
    expect(problems({ rcReviewBranchPattern: 'release-{major}.{minor}.{patch}' }).map((q) => q.setting)).toEqual(['rcReviewBranchPattern']);
    expect(problems({ branchPattern: '{major}.{minor}', bumpBranchPattern: '{major}.{minor}' }).map((q) => q.setting)).toEqual(['bumpBranchPattern']);
  });

  it('two review patterns that are one, or a tag named like a branch, are refused', () => {
    expect(problems({ rcReviewBranchPattern: 'ci/release-{version}' }).map((q) => q.setting)).toEqual(['rcReviewBranchPattern']);
    const [tag] = problems({ tagPattern: 'release-{version}' });
    expect(tag.setting).toBe('tagPattern');
    expect(tag.message).toContain('also a release branch');
  });

  it('a tag without {version} and a release-branch pattern that cannot tell lines apart are refused', () => {
    expect(problems({ tagPattern: 'v{major}.{minor}.{patch}' })[0].message).toContain('would get one tag');
    expect(problems({ branchPattern: 'release-{major}' })[0]).toMatchObject({ setting: 'branchPattern' });
  });

  it('distinct names pass: the defaults, the wasmtime preset, {major}.{minor} branches', () => {
    expect(problems({})).toEqual([]);
    expect(problems(wasmtimePreset)).toEqual([]);
    expect(problems({ branchPattern: '{major}.{minor}' })).toEqual([]);
    expect(problems({ branchPattern: 'release/{version}', tagPattern: '{version}', bumpBranchPattern: 'bump/{major}' })).toEqual([]);
  });
});
