import { describe, expect, it } from 'vitest';
import type { Problem } from './errors';
import { summarizeWarnings } from './summary';

const warning = (i: number, kind?: string): Problem => ({
  level: 'warning',
  file: `c${i}/Cargo.toml`,
  line: i,
  message: `breach ${i}`,
  fix: `fix ${i}`,
  ...(kind ? { kind } : {}),
});

describe('summarizeWarnings', () => {
  it('prints nothing without warnings and every warning when there are few', () => {
    expect(summarizeWarnings([])).toEqual([]);
    expect(summarizeWarnings([warning(1)])).toEqual(['1 warning:', '  c1/Cargo.toml:1: warning: breach 1\n    fix: fix 1']);
  });

  it('prints the count and the first few of a kind there are many of', () => {
    const lines = summarizeWarnings(
      Array.from({ length: 395 }, (_, i) => warning(i + 1, 'policy')),
      3,
    );
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('395 warnings:');
    expect(lines[3]).toContain('c3/Cargo.toml:3: warning: breach 3');
    expect(lines[4]).toBe('  ... and 392 more of this kind: policy');
  });

  it('never hides a warning of another kind behind many of one kind', () => {
    const many = Array.from({ length: 6 }, (_, i) => warning(i + 1, 'policy'));
    const notes = {
      level: 'warning',
      file: 'RELEASES.md',
      message: 'the top section is 48.0.0, not 48.0.1',
      fix: 'start the file with a "## 48.0.1" section',
    } as Problem;
    const lockless = warning(90, 'Cargo.lock entry');
    const lines = summarizeWarnings([...many, notes, lockless], 5);
    expect(lines[0]).toBe('8 warnings:');
    expect(lines.join('\n')).toContain('RELEASES.md: warning: the top section is 48.0.0, not 48.0.1');
    expect(lines.join('\n')).toContain('c90/Cargo.toml:90: warning: breach 90');
    expect(lines.at(-1)).toBe('  ... and 1 more of this kind: policy');
    expect(lines.filter((l) => l.includes('breach'))).toHaveLength(6);
  });
});
