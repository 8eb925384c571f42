import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../presets';
import { renderReference } from './reference';
import { optionsSchema } from './schema';

const committed = resolve(__dirname, '../../../../../docs/options.md');

describe('the options reference (docs/options.md)', () => {
  it('is what the schema generates (run `npm run docs:options` after changing a setting)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(renderReference(optionsSchema, PRESETS));
  });

  it('lists every setting, nested ones included, with its type, default and preset', () => {
    const text = renderReference(optionsSchema, PRESETS);
    expect(text).toContain('| `artifacts.compression` | an integer from 0 to 9 | `9` | wasmtime | xz preset: 9');
    expect(text).toContain('| `bindings.repos[].rules[].pattern (kind "pattern")` | string | required |  | Text with {version} {major} {minor} {patch}. |');
    expect(text).toContain('| `registry` | string or null | `null` |  |');
    for (const key of Object.keys(optionsSchema.shape)) expect(text).toContain(`| \`${key}\` |`);
  });
});
