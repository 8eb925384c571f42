import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkedMemberManifests } from './linked-members';

let root: string;
let outside: string;
const write = (rel: string, text = '[package]\nname = "x"\n') => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const link = (target: string, rel: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  symlinkSync(target, join(root, rel), 'dir');
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nrt-linked-'));
  outside = mkdtempSync(join(tmpdir(), 'nrt-linked-out-'));
  write('crates/a/Cargo.toml');
  write('vendor/b/Cargo.toml');
  write('vendor/deep/c/Cargo.toml');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const listed = new Set(['crates/a/Cargo.toml', 'vendor/b/Cargo.toml', 'vendor/deep/c/Cargo.toml']);

describe('members behind symbolic links, looked for where cargo looks', () => {
  it('a glob finds a linked directory with a manifest; the listed ones and links out of the tree are left', () => {
    link('../vendor/b', 'crates/b');
    link('../vendor/deep', 'crates/deep'); // no Cargo.toml of its own
    mkdirSync(join(outside, 'o'));
    writeFileSync(join(outside, 'o/Cargo.toml'), '');
    link(join(outside, 'o'), 'crates/o');
    const looked: string[] = [];
    expect(linkedMemberManifests(root, '.', ['crates/*'], listed, (rel) => looked.push(rel))).toEqual(['crates/b/Cargo.toml']);
    // The glob's directory is listed; a linked directory's manifest is tried; nothing else is looked at.
    expect(looked.sort()).toEqual(['crates', 'crates/b/Cargo.toml', 'crates/deep/Cargo.toml']);
  });

  it('`**` walks below its prefix through links, and a link back up the walk is not a loop', () => {
    link('../vendor', 'crates/v');
    link('..', 'crates/a/up');
    expect(linkedMemberManifests(root, '.', ['crates/**'], listed)).toEqual(['crates/v/b/Cargo.toml', 'crates/v/deep/c/Cargo.toml']);
  });

  it('an explicit member through a link (its own or a parent directory)', () => {
    link('vendor', 'third');
    expect(linkedMemberManifests(root, '.', ['third/b', 'third/deep/c', 'crates/a', 'missing'], listed)).toEqual([
      'third/b/Cargo.toml',
      'third/deep/c/Cargo.toml',
    ]);
  });
});
