/**
 * Reading the options schema as data: what a setting's type, default and documentation are,
 * and which schema sits at a setting path. Shared by the validator's messages and the
 * generated reference, so both describe a setting the same way.
 */
import { z } from 'zod';

/** The parts of a zod definition this module reads (zod's own def types are internal). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
  entries?: Record<string, string>;
  defaultValue?: unknown;
}

export type Segment = string | number;

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function metaOf(schema: z.ZodType): { description?: string; expected?: string } {
  return (z.globalRegistry.get(schema) as { description?: string; expected?: string } | undefined) ?? {};
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional']);

/** The schema under optional/nullable/default wrappers, and what the wrappers said. */
export function unwrap(schema: z.ZodType): {
  inner: z.ZodType;
  optional: boolean;
  nullable: boolean;
  hasDefault: boolean;
  defaultValue?: unknown;
  group: boolean;
} {
  let inner = schema;
  const out = { optional: false, nullable: false, hasDefault: false, defaultValue: undefined as unknown, group: false };
  for (let def = defOf(inner); WRAPPERS.has(def.type); def = defOf(inner)) {
    if (def.type === 'optional') out.optional = true;
    if (def.type === 'nullable') out.nullable = true;
    if (def.type === 'default') Object.assign(out, { hasDefault: true, defaultValue: def.defaultValue });
    if (def.type === 'prefault') out.group = true;
    inner = def.innerType!;
  }
  return { inner, ...out };
}

/** The fields of an object schema (after unwrapping), or null. */
export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = defOf(unwrap(schema).inner);
  return def.type === 'object' ? def.shape! : null;
}

/**
 * The schema one step below `schema` at `key`; `value` (the user's value at `schema`) picks
 * the branch of a union.
 */
export function childOf(schema: z.ZodType, key: Segment, value: unknown): z.ZodType | undefined {
  const inner = unwrap(schema).inner;
  const def = defOf(inner);
  if (def.type === 'object') return typeof key === 'string' ? def.shape![key] : undefined;
  if (def.type === 'array') return def.element;
  if (def.type === 'record') return def.valueType;
  if (def.type === 'union') {
    const branch = unionBranch(def, value);
    return branch ? childOf(branch, key, value) : undefined;
  }
  return undefined;
}

function unionBranch(def: Def, value: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (def.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[def.discriminator];
    return options.find((o) => {
      const field = fieldsOf(o)?.[def.discriminator!];
      return field !== undefined && defOf(unwrap(field).inner).values?.includes(tag);
    });
  }
  // An undiscriminated union of objects: the branch sharing the most keys with the value.
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  let best: z.ZodType | undefined;
  let score = -1;
  for (const o of options) {
    const fields = fieldsOf(o);
    const s = fields ? keys.filter((k) => k in fields).length : -1;
    if (s > score) [best, score] = [o, s];
  }
  return best;
}

/** The schema at a setting path, following the user's `raw` value through unions. */
export function schemaAt(root: z.ZodType, path: readonly Segment[], raw: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  let value = raw;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childOf(schema, key, value);
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key as string] : undefined;
  }
  const def = schema && defOf(unwrap(schema).inner);
  return def?.type === 'union' && value && typeof value === 'object' ? (unionBranch(def, value) ?? schema) : schema;
}

export function valueAt(raw: unknown, path: readonly Segment[]): unknown {
  let value = raw;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<Segment, unknown>)[key] : undefined;
  return value;
}

/** `artifacts.archives[0].name` */
export function formatPath(path: readonly Segment[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A setting's type in words, short for messages ("string", "object"), longer for the reference. */
export function typeName(schema: z.ZodType, long = false): string {
  const { inner, nullable } = unwrap(schema);
  const def = defOf(inner);
  let name: string;
  switch (def.type) {
    case 'array': {
      const el = typeName(def.element!, long);
      name = long ? (el.includes(' ') ? `list of ${el}` : `${el}[]`) : 'array';
      break;
    }
    case 'record':
      name = long ? `map of name to ${typeName(def.valueType!, true)}` : 'object';
      break;
    case 'union':
      name = def.discriminator ? `object (by ${def.discriminator})` : 'object';
      break;
    case 'literal':
      name = def.values!.map((v) => JSON.stringify(v)).join(' or ');
      break;
    case 'enum': {
      const values = Object.values(def.entries!).map((v) => JSON.stringify(v));
      name = values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : values.join('');
      break;
    }
    default:
      name = def.type;
  }
  return nullable ? `${name} or null` : name;
}
