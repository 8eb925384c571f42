import { describe, expect, it } from 'vitest';
import type { Problem } from './errors';
import { summarizeWarnings } from './summary';

const warning = (i: number): Problem => ({ level: 'warning', file: `c${i}/Cargo.toml`, line: i, message: `breach ${i}`, fix: `fix ${i}` });

describe('summarizeWarnings', () => {
  it('prints nothing without warnings and every warning when there are few', () => {
    expect(summarizeWarnings([])).toEqual([]);
    expect(summarizeWarnings([warning(1)])).toEqual(['1 warning:', '  c1/Cargo.toml:1: warning: breach 1\n    fix: fix 1']);
  });

  it('prints the count and the first few of many', () => {
    const lines = summarizeWarnings(
      Array.from({ length: 395 }, (_, i) => warning(i + 1)),
      3,
    );
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('395 warnings:');
    expect(lines[3]).toContain('c3/Cargo.toml:3: warning: breach 3');
    expect(lines[4]).toBe('  ... and 392 more like these');
  });
});
