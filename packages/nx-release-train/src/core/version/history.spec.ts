import { describe, expect, it } from 'vitest';
import { checkAgainstCommit, versionFacts } from './history';

const BEFORE = '[package]\nname = "a"\nversion = "0.19.2"\n\n[dependencies]\nb = { path = "../b", version = "0.19" }\nserde = "1"\n';

describe('versionFacts', () => {
  it('reads package versions and path requirements only', () => {
    expect([...versionFacts(BEFORE).values()]).toEqual([
      { what: '[package] version', line: 3, value: '0.19.2' },
      { what: 'requirement on b in [dependencies]', line: 6, value: '0.19' },
    ]);
  });
});

describe('checkAgainstCommit', () => {
  const run = (planned: string, actual: string) =>
    checkAgainstCommit(['a/Cargo.toml', 'gone/Cargo.toml'], {
      before: (f) => (f === 'a/Cargo.toml' ? BEFORE : undefined),
      planned: () => planned,
      actual: () => actual,
    });

  it('agrees when the plan writes what the commit wrote, ignoring other edits', () => {
    const after = BEFORE.replace('0.19.2', '0.20.0').replace('"0.19"', '"0.20"');
    expect(run(after, after.replace('serde = "1"', 'serde = "1.0.200"\nnew = { path = "../new", version = "0.1" }'))).toEqual({
      checked: 2,
      changedByCommit: 2,
      mismatches: [],
    });
  });

  it('names every fact the plan got wrong, with file and line', () => {
    const actual = BEFORE.replace('0.19.2', '0.20.0').replace('"0.19"', '"0.20"');
    expect(run(BEFORE.replace('0.19.2', '0.20.0').replace('"0.19"', '"0.20.0"'), actual).mismatches).toEqual([
      { file: 'a/Cargo.toml', line: 6, what: 'requirement on b in [dependencies]', planned: '0.20.0', actual: '0.20' },
    ]);
  });
});
