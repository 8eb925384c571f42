import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { branchNameProblem, refFormatProblem, tagNameProblem } from './ref-name';

/** git's own verdict, the reference the pure rules are checked against. */
function gitAccepts(args: string[]): boolean {
  try {
    execFileSync('git', ['check-ref-format', ...args], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A deterministic generator (mulberry32), so a failing case can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'b', '1', '.', '/', '-', '@', '{', '}', '~', '^', ':', '?', '*', '[', '\\', ' ', '\n', '\t', '\x7f', 'lock', '.lock', 'é', '_'];

describe('git ref-name rules', () => {
  it('agree with git check-ref-format on hand-picked names', () => {
    const names = [
      'release-5.0.0',
      'ci/bump-to-5.0.0',
      'release-{version}',
      'a..b',
      'a/.b',
      'a.lock',
      'a.lock/b',
      'a/',
      '/a',
      'a//b',
      'a.',
      '@',
      'a@{1}',
      'a@b',
      'x\ny',
      'a b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'x\x7f',
      'v1.2.3-rc.1',
      'é',
    ];
    for (const name of names) {
      expect({ name, ok: refFormatProblem(`refs/heads/${name}`) === null }).toEqual({ name, ok: gitAccepts([`refs/heads/${name}`]) });
    }
  }, 120_000);

  it('agree with git check-ref-format --branch on 120 generated names', () => {
    const next = random(15);
    const disagreements: string[] = [];
    for (let i = 0; i < 120; i++) {
      const length = 1 + Math.floor(next() * 6);
      let name = '';
      for (let j = 0; j < length; j++) name += ALPHABET[Math.floor(next() * ALPHABET.length)];
      // git --branch also expands @{-N}; names with "@{" are refused by both anyway.
      const mine = branchNameProblem(name) === null;
      if (mine !== gitAccepts(['--branch', name])) disagreements.push(JSON.stringify(name));
    }
    expect(disagreements).toEqual([]);
    // One git process per name: slow only on a loaded machine.
  }, 120_000);

  it('names the reason', () => {
    expect(branchNameProblem('release-5.0.0\ndelete refs/heads/main')).toBe('contains the control character 0x0a');
    expect(branchNameProblem('-x')).toBe('begins with "-"');
    expect(tagNameProblem('')).toBe('is empty');
    expect(tagNameProblem('v5.0.0')).toBeNull();
  });
});
