import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { listOf, nxSchemaJson, parseFlags, schemaJsonText, type FlagSchema } from './define';
import { executorFlags } from './index';
import { plainFlags, type FlagsJson } from './plain';

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

  it('parses plain flags against schema.json without zod, and hands anything else to zod', () => {
    const flags = executorFlags['release-major'];
    const json = nxSchemaJson(flags) as unknown as FlagsJson;
    const plain = { dryRun: false, push: false, allowDirty: false };
    expect(plainFlags(json, {}, false)).toEqual(plain);
    expect(plainFlags(json, { dryRun: true, bump: 'minor', date: '2026-01-02' }, false)).toEqual({ ...plain, dryRun: true, bump: 'minor', date: '2026-01-02' });
    for (const raw of [{ bump: 'patch' }, { date: '2026-1-2' }, { dryRun: 'yes' }, { nope: 1 }, { diffFile: null }])
      expect(plainFlags(json, raw, false)).toBeUndefined();
    // A pass-through executor keeps a target's own settings as given.
    expect(plainFlags(json, { artifacts: { outputDir: 'x' } }, true)).toEqual({ ...plain, artifacts: { outputDir: 'x' } });
    // Through parseFlags: the same answer, and zod's refusal for what is not plain.
    expect(parseFlags(flags, { dryRun: true, __overrides__: [] }, undefined, json)).toEqual({ ...plain, dryRun: true });
    expect(() => parseFlags(flags, { bump: 'patch' }, undefined, json)).toThrow(/^release-major: --bump: /);
    expect(() => parseFlags(flags, { dryRun: true }, '--target=4.x', json)).toThrow('release-major: unknown flag --target=4.x; it takes --dry-run,');
  });

  // plainFlags stands in for zod only while schema.json says all that the zod schema checks.
  it.each(Object.values(executorFlags).map((f) => [f.name, f] as const))('%s: schema.json describes every check of its flags', (_, flags) => {
    const fields = Object.entries(flags.schema.shape as Record<string, z.ZodType>);
    expect(
      fields.flatMap(([key, s]) => [...undescribed(s, `--${key}`), ...(['optional', 'default'].includes(defOf(s).type) ? [] : [`--${key}: required`])]),
    ).toEqual([]);
  });

  it.each(Object.values(executorFlags).map((f) => [f.name, f] as const))('%s: plain flags parse as zod parses them', (_, flags) => {
    const json = nxSchemaJson(flags) as unknown as FlagsJson;
    const keys = Object.keys(json.properties);
    const tried = [{}, { nope: 1 }, ...keys.flatMap((key) => VALUES.map((v) => ({ [key]: v })))];
    // Every flag at once, each with the first value zod takes for it alone.
    tried.push(
      Object.fromEntries(
        keys.flatMap((key) =>
          VALUES.filter((v) => 'ok' in viaZod(flags, { [key]: v }))
            .slice(0, 1)
            .map((v) => [key, v]),
        ),
      ),
    );
    let plain = 0;
    for (const raw of tried) {
      const fast = plainFlags(json, raw, flags.passThrough === true);
      if (fast === undefined) continue;
      plain++;
      expect(viaZod(flags, raw), JSON.stringify(raw)).toStrictEqual({ ok: fast });
    }
    expect(plain).toBeGreaterThan(keys.length);
  });

  it('reads a list from a comma string or an array', () => {
    expect(listOf(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(listOf(['x', ' y'])).toEqual(['x', 'y']);
    expect(listOf(undefined)).toEqual([]);
  });
});

const VALUES: unknown[] = [true, false, 0, 1, 2.5, -1, NaN, Infinity, '', 'x', '4', '4.x', '2026-01-02', '2026-1-2', 'major', 'minor', 'git', 'api'];
VALUES.push([], ['a', 'b'], ['a', 1], 'a,b', null, {}, { a: 1 }, undefined);

function viaZod(flags: FlagSchema, raw: Record<string, unknown>): { ok: unknown } | { refused: string } {
  try {
    return { ok: parseFlags(flags, raw) };
  } catch (err) {
    return { refused: String(err) };
  }
}

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp } } }>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** What of `s` its JSON schema leaves out (zod's toJSONSchema drops refinements, transforms become `{}`). */
function undescribed(s: z.ZodType, at: string): string[] {
  const def = defOf(s);
  const checks = (def.checks ?? []).map((c) => c._zod.def).filter((c) => !(c.check === 'string_format' && c.format === 'regex' && c.pattern?.flags === ''));
  const out = checks.map((c) => `${at}: ${c.check} ${c.format ?? ''}`.trim());
  switch (def.type) {
    case 'boolean':
    case 'string':
    case 'number':
    case 'enum':
    case 'unknown':
      return out;
    case 'optional':
    case 'default':
      return [...out, ...undescribed(def.innerType!, at)];
    case 'union':
      return [...out, ...def.options!.flatMap((o) => undescribed(o, at))];
    case 'array':
      return [...out, ...undescribed(def.element!, `${at}[]`)];
    default:
      return [...out, `${at}: ${def.type}`];
  }
}
