/**
 * Executor options: one zod schema per executor gives the parser (defaults applied), the
 * TypeScript type, and the `schema.json` Nx reads (written by `npm run schemas`; a test fails
 * when the file and the schema differ). Defaults live only in these schemas.
 *
 * zod itself (95 modules) loads only when a schema is built: an executor checks flags that are
 * plainly what its schema.json says (`plainFlags`) without it, and builds the zod schema to
 * parse anything else, so a refusal reads exactly as before.
 */
import type { z } from 'zod';
import { ReleaseError } from '../errors';
import { plainFlags, type FlagsJson } from './plain';

export type { FlagsJson };

/** zod's `z`, handed to the schema builders (loaded on the first build). */
export type Zod = typeof z;

// Loaded here, not at the top: most executor runs never build a schema (see plainFlags).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zod = (): Zod => (require('zod') as { z: Zod }).z;

export interface FlagSchema<S extends z.ZodObject = z.ZodObject> {
  /** The target's name, the schema's title. */
  name: string;
  description: string;
  schema: S;
  /** Options Nx passes through that are not flags (a target's own plugin settings). */
  passThrough?: boolean;
}

/**
 * The schema is built the first time it is read (zod objects cost time to build, and an
 * executor needs only its own), then kept.
 */
export function defineFlags<S extends z.ZodObject>(name: string, description: string, build: (z: Zod) => S, passThrough = false): FlagSchema<S> {
  let schema: S | undefined;
  return {
    name,
    description,
    get schema() {
      return (schema ??= build(zod()));
    },
    passThrough,
  };
}

/** `--dry-run` for every command that changes something. */
export const dryRunFlag = (z: Zod, description: string) => z.boolean().default(false).describe(description);

/** A list given as `a,b` on the command line or as an array in project.json. */
export const listFlag = (z: Zod, description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe(description);

/** The list a `listFlag` gave, trimmed, empty entries dropped. */
export function listOf(value: string | readonly string[] | undefined): string[] {
  const items = value === undefined ? [] : typeof value === 'string' ? value.split(',') : [...value];
  return items.map((s) => s.trim()).filter(Boolean);
}

/** The schema.json Nx reads for an executor, from its zod schema. */
export function nxSchemaJson(flags: FlagSchema): Record<string, unknown> {
  const json = zod().toJSONSchema(flags.schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return {
    $schema: 'https://json-schema.org/schema',
    version: 2,
    title: flags.name,
    description: flags.description,
    type: 'object',
    properties: json.properties ?? {},
    additionalProperties: flags.passThrough === true,
  };
}

/**
 * Parses what Nx handed the executor; a wrong type is refused naming the flag, and so is a flag
 * the executor does not know (one Nx swallowed arrives in `undeclared`: see core/argv). With
 * the executor's schema.json (`json`), flags that are plainly valid are taken without zod.
 */
export function parseFlags<S extends z.ZodObject>(flags: FlagSchema<S>, raw: unknown, undeclared?: string, json?: FlagsJson): z.output<S> {
  // Nx's own bookkeeping keys (`__overrides__`, ...) are not flags.
  const given = Object.fromEntries(Object.entries((raw ?? {}) as Record<string, unknown>).filter(([k]) => !k.startsWith('__')));
  const plain = json && !undeclared ? plainFlags(json, given, flags.passThrough === true) : undefined;
  if (plain) return plain as z.output<S>;
  const schema = flags.passThrough ? flags.schema.loose() : flags.schema.strict();
  const parsed = schema.safeParse(given);
  const unknown = undeclared ? [undeclared] : [];
  const lines: string[] = [];
  for (const i of parsed.success ? [] : parsed.error.issues) {
    if (i.code === 'unrecognized_keys') unknown.push(...i.keys.map((k) => `--${kebab(k)}`));
    else lines.push(`--${i.path.join('.') || '?'}: ${i.message}`);
  }
  if (unknown.length) {
    const known = Object.keys(flags.schema.shape).map((k) => `--${kebab(k)}`);
    lines.unshift(`unknown flag ${unknown.join(', ')}; it takes ${known.join(', ')}`);
  }
  if (parsed.success && lines.length === 0) return parsed.data as z.output<S>;
  throw new FlagsError(`${flags.name}: ${lines.join('; ')}`, `see nx ${flags.name} --help`);
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export class FlagsError extends ReleaseError {}

/** The committed text of a schema.json (two-space JSON, newline at the end). */
export function schemaJsonText(json: Record<string, unknown>): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
