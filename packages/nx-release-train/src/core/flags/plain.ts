/**
 * Flags taken without zod. Loading zod costs an executor more than most commands' own work
 * (tools/bench/README.md), yet what Nx hands an executor is nearly always plain: known flags,
 * each a value of the type its schema.json names. `plainFlags` accepts exactly those, with the
 * defaults applied, and answers undefined for anything else, which `parseFlags` then gives to
 * the zod schema: so a refusal is zod's, worded as ever. Sound only while schema.json says
 * everything the zod schema checks; flags.spec.ts fails when a flag's zod schema holds a check
 * or a type its schema.json cannot describe (a refinement, a transform, a required flag).
 */

/** One property of an executor's schema.json, as `nxSchemaJson` writes it. */
export interface FlagJson {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  items?: FlagJson;
  anyOf?: FlagJson[];
  default?: unknown;
  description?: string;
}

/** The part of an executor's schema.json the flags are checked against. */
export interface FlagsJson {
  properties: Record<string, FlagJson>;
}

/** Keywords this check understands; a property with any other is never plain. */
const KEYWORDS = new Set(['type', 'enum', 'pattern', 'items', 'anyOf', 'default', 'description']);

function fits(p: FlagJson, value: unknown): boolean {
  if (Object.keys(p).some((k) => !KEYWORDS.has(k))) return false;
  if (p.anyOf && !p.anyOf.some((q) => fits(q, value))) return false;
  if (p.enum && !p.enum.includes(value)) return false;
  if (p.pattern !== undefined && !(typeof value === 'string' && new RegExp(p.pattern).test(value))) return false;
  switch (p.type) {
    case undefined:
      return true; // no type: any value (z.unknown())
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value) && (p.items === undefined || value.every((v) => fits(p.items!, v)));
    default:
      return false;
  }
}

const primitive = (v: unknown) => v === null || ['boolean', 'string', 'number'].includes(typeof v);

/**
 * `given` with every absent flag's default, when each key is a flag (or `passThrough`: kept as
 * given) and each value fits its flag; otherwise undefined.
 */
export function plainFlags(json: FlagsJson, given: Record<string, unknown>, passThrough: boolean): Record<string, unknown> | undefined {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(given)) {
    const p = Object.hasOwn(json.properties, key) ? json.properties[key] : undefined;
    if (p === undefined ? !passThrough : value === undefined || !fits(p, value)) return undefined;
    out.push([key, value]);
  }
  for (const [key, p] of Object.entries(json.properties)) {
    if (Object.hasOwn(given, key) || !('default' in p)) continue;
    if (!primitive(p.default)) return undefined;
    out.push([key, p.default]);
  }
  return Object.fromEntries(out);
}
