import { describe, expect, it } from 'vitest';
import { bindingTree, FIVE_BINDINGS } from '../../../../../e2e/fixtures/bindings';
import { currentVersion } from './current';
import { followDecision, type FollowInput } from './follow';
import { filesFromMap } from './plan';
import type { BindingRule } from './rules';

const at = (version: string | null, major = version ? Number(version.split('.')[0]) : null) => ({ version, major, file: 'x' });
const decide = (over: Partial<FollowInput>) =>
  followDecision({
    repo: 'dotnet',
    follows: 'every',
    current: at('34.0.1'),
    target: '49.0.0',
    maxMajorJump: 2,
    ltsEvery: 12,
    force: false,
    named: false,
    ...over,
  });

describe('the version a binding repository is on, read by its own rules', () => {
  it.each(FIVE_BINDINGS.repos.map((r) => [r.name, r.rules] as const))('%s', (name, rules) => {
    const found = currentVersion(rules as BindingRule[], filesFromMap(bindingTree(name, 'before')));
    // Every fixture is at 45.0.0 (wasmtime-cpp carries no version: tag-only).
    expect(found).toMatchObject(name === 'cpp' ? { version: null, major: null } : { version: '45.0.0', major: 45 });
  });

  it('takes a whole version over a major, and {major}.{minor}.{patch} patterns', () => {
    const rules: BindingRule[] = [
      { kind: 'go-module', module: 'example.com/m' },
      { kind: 'pattern', file: 'v.txt', pattern: 'major={major} minor={minor} patch={patch}' },
    ];
    const files = filesFromMap({ 'go.mod': 'module example.com/m/v44\n', 'v.txt': 'major=44 minor=0 patch=2\n' });
    expect(currentVersion(rules, files)).toEqual({ version: '44.0.2', major: 44, file: 'v.txt' });
    expect(currentVersion(rules.slice(0, 1), files)).toEqual({ version: null, major: 44, file: 'go.mod' });
  });
});

describe('how a binding repository follows', () => {
  it.each([
    ['every release, one major', { current: at('48.0.0') }, true, 'dotnet: 48.0.0 → 49.0.0, 1 major'],
    ['every release, 15 majors behind', {}, false, 'dotnet: 34.0.1 → 49.0.0, 15 majors'],
    ['15 majors with --force', { force: true }, true, 'dotnet: 34.0.1 → 49.0.0, 15 majors'],
    ['manual, not named', { follows: 'manual', current: at('48.0.0') }, false, 'dotnet: 48.0.0 → 49.0.0, 1 major'],
    ['manual, named with --only', { follows: 'manual', current: at('48.0.0'), named: true }, true, 'dotnet: 48.0.0 → 49.0.0, 1 major'],
    ['lts, 49 is not LTS', { follows: 'lts', current: at('48.0.0') }, false, 'dotnet: 48.0.0 → 49.0.0, 1 major'],
    ['lts, 48 is LTS', { follows: 'lts', current: at('47.0.0'), target: '48.0.0' }, true, 'dotnet: 47.0.0 → 48.0.0, 1 major'],
    ['ahead of a patch release of an older line', { current: at('49.0.0'), target: '48.0.3' }, false, 'dotnet: 49.0.0 → 48.0.3, 1 major ahead'],
    ['a major only (go)', { current: at(null, 44) }, false, 'dotnet: v44 → 49.0.0, 5 majors'],
    ['nothing read (tag-only)', { current: at(null, null) }, true, 'dotnet: an unknown version → 49.0.0, its version is not read by any rule'],
  ] as const)('%s', (_, over, propose, gap) => {
    const d = decide(over as Partial<FollowInput>);
    expect(d.gap).toBe(gap);
    expect(d.propose).toBe(propose);
    if (!propose) expect(d.reason).toBeTruthy();
  });

  it('says how to propose it anyway', () => {
    expect(decide({}).reason).toBe('15 majors behind, more than bindings.maxMajorJump (2); rerun with --force to propose the jump');
    expect(decide({ follows: 'manual', current: at('48.0.0') }).reason).toContain('--only=dotnet');
  });
});
