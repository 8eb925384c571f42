import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOf, nxSchemaJson, parseFlags, schemaJsonText } from './define';
import { executorFlags } from './index';

const pluginRoot = join(__dirname, '../../..');
const executorsJson = JSON.parse(readFileSync(join(pluginRoot, 'executors.json'), 'utf8')).executors as Record<string, { schema: string }>;

describe('executor flag schemas', () => {
  it.each(Object.values(executorFlags).map((f) => [f.name, f] as const))(
    '%s: schema.json is generated from the zod schema (npm run schemas)',
    (name, flags) => {
      const file = join(pluginRoot, executorsJson[name].schema);
      expect(readFileSync(file, 'utf8'), `${file} drifted from core/flags: run npm run schemas`).toBe(schemaJsonText(nxSchemaJson(flags)));
    },
  );

  it('parses defaults and refuses a wrong type naming the flag', () => {
    const flags = executorFlags['release-tag'];
    expect(parseFlags(flags, {})).toEqual({ dryRun: false, push: false, via: 'git' });
    expect(() => parseFlags(flags, { via: 'ssh' })).toThrow(/--via/);
    expect(() => parseFlags(flags, { nope: 1 })).toThrow(/nope/);
    expect(() => parseFlags(flags, { dryRun: true, brnach: 'x' })).toThrow('release-tag: unknown flag --brnach; it takes --dry-run, --push, --via, --branch');
    // A flag Nx swallowed, handed on by the plugin's hook for a target that does not take it.
    expect(() => parseFlags(flags, {}, '--target=4.x')).toThrow('release-tag: unknown flag --target=4.x; it takes');
  });

  it('reads a list from a comma string or an array', () => {
    expect(listOf(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(listOf(['x', ' y'])).toEqual(['x', 'y']);
    expect(listOf(undefined)).toEqual([]);
  });
});
