import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

describe('a long manifest', () => {
  it('20,000 comment lines parse (the nested smol-toml 1.4.2 overflowed the stack past 7,366)', () => {
    const text = '# generated\n'.repeat(20_000) + '[package]\nname = "big"\nversion = "1.0.0"\n';
    const parsed = parseManifest('Cargo.toml', text);
    expect('diagnostic' in parsed ? parsed.diagnostic.message : null).toBeNull();
    expect('data' in parsed && (parsed.data.package as { name: string }).name).toBe('big');
  });
});
