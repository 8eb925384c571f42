/**
 * Checks a value against the options schema and turns zod's issues into problems a release
 * maintainer can act on: the full setting path, what was found and expected, and the fix
 * ("did you mean" for a misspelt setting). Problems come in the order they appear in the
 * user's input. A setting with a problem keeps its default, key by key inside groups such as
 * `artifacts`, so one typo does not reset its neighbours.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { movedSetting } from './moved';
import { fieldsOf, formatPath, metaOf, schemaAt, typeName, unwrap, valueAt, type Segment } from './introspect';

export interface SettingProblem {
  /** Full setting path, e.g. `artifacts.compression` or `bindings.repos[0].rules[1].kind`. */
  setting: string;
  message: string;
  fix: string;
}

interface Issue {
  code: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  options?: unknown[];
  params?: { fix?: string };
}

/**
 * `where` names the source in messages ("in nx.json plugin options"); `prefix` is the setting
 * path of `schema` inside the whole options (e.g. `artifacts` when checking that group alone).
 */
export function validate<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  where?: string,
  prefix: Segment[] = [],
): { value: z.output<S>; problems: SettingProblem[] } {
  const first = schema.safeParse(raw);
  if (first.success) return { value: first.data, problems: [] };
  const issues = (first.error.issues as unknown as Issue[]).flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? (issue.keys ?? []).map((key) => ({ ...issue, path: [...issue.path, key] })) : [issue],
  );
  const say = new Wording(schema, raw, where, prefix);
  const seen = new Set<string>();
  const problems: Array<SettingProblem & { path: Segment[] }> = [];
  for (const issue of issues) {
    const problem = say.problem(issue);
    const key = `${problem.setting}\n${problem.message}`;
    if (!seen.has(key)) (problems.push(problem), seen.add(key));
  }
  problems.sort((a, b) => comparePaths(raw, a.path, b.path));
  return {
    value: fallback(
      schema,
      raw,
      problems.map((p) => p.path),
    ),
    problems: problems.map(({ setting, message, fix }) => ({ setting, message, fix })),
  };
}

class Wording {
  constructor(
    private readonly schema: z.ZodType,
    private readonly raw: unknown,
    private readonly where: string | undefined,
    private readonly prefix: Segment[],
  ) {}

  problem(issue: Issue): SettingProblem & { path: Segment[] } {
    const path = issue.path as Segment[];
    const setting = formatPath([...this.prefix, ...path]);
    const at = this.where ? ` in ${this.where}` : '';
    const value = valueAt(this.raw, path);
    if (issue.code === 'unrecognized_keys') {
      const moved = movedSetting(setting);
      if (moved) return { path, setting, message: `unknown setting "${setting}"${at}: it ${moved.message}`, fix: moved.fix };
      return { path, setting, message: `unknown setting "${setting}"${at}`, fix: this.unknownFix(path) };
    }
    if (issue.code === 'custom') {
      return { path, setting, message: `setting "${setting}"${at} ${issue.message}`, fix: issue.params?.fix ?? 'see docs/options.md' };
    }
    if (issue.code === 'invalid_union' && issue.options) {
      const choices = issue.options.map(String);
      const shown = typeof value === 'string' ? JSON.stringify(value) : describe(value, !this.where);
      const guess = typeof value === 'string' ? likely(value, choices) : undefined;
      return {
        path,
        setting,
        message: `setting "${setting}"${at} is ${shown}, expected one of: ${choices.join(', ')}`,
        fix: `${guess ? `did you mean "${guess}"? ` : ''}use one of: ${choices.join(', ')}`,
      };
    }
    const target = schemaAt(this.schema, path, this.raw);
    if (target && fieldsOf(target) && !(value && typeof value === 'object' && !Array.isArray(value))) {
      const example = Object.keys(fieldsOf(target)!)
        .slice(0, 2)
        .map((k) => `"${k}": ...`)
        .join(', ');
      return {
        path,
        setting: setting || '(options)',
        message: `${setting ? `setting "${setting}"` : (this.where ?? 'the options')} must be an object`,
        fix: `write it as a JSON object, e.g. { ${example} }`,
      };
    }
    // A value of the right type out of range says the value and the range, never "is number, expected number".
    const range = rangeOf(issue);
    const expected = (target && metaOf(target).expected) ?? range ?? (target ? typeName(target) : 'another value');
    const fallbackValue = target ? unwrap(target) : undefined;
    const fix = fallbackValue?.hasDefault ? `give ${expected}; the default is ${JSON.stringify(fallbackValue.defaultValue)}` : `give ${expected}`;
    const shown = range && typeof value === 'number' ? JSON.stringify(value) : describe(value, !this.where);
    return { path, setting, message: `setting "${setting}"${at} is ${shown}, expected ${expected}`, fix };
  }

  private unknownFix(path: Segment[]): string {
    const key = String(path.at(-1));
    const known = Object.keys(fieldsOf(schemaAt(this.schema, path.slice(0, -1), this.raw)!) ?? {});
    const guess = likely(key, known);
    return `${guess ? `did you mean "${guess}"? ` : 'remove it; '}known: ${known.join(', ')}`;
  }
}

/** "a whole number", "a number of at least 1", "a number above 0": what a numeric check wanted. */
function rangeOf(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'a whole number';
  if (issue.origin !== 'number') return undefined;
  if (issue.code === 'too_small') return `a number ${issue.inclusive ? 'of at least' : 'above'} ${issue.minimum}`;
  if (issue.code === 'too_big') return `a number ${issue.inclusive ? 'of at most' : 'below'} ${issue.maximum}`;
  return undefined;
}

/** The known name closest to a misspelt one, when it is close enough to be what was meant. */
function likely(name: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  const near = closest(name, known);
  return distance(name.toLowerCase(), near.toLowerCase()) <= Math.max(2, Math.floor(name.length / 3)) ? near : undefined;
}

/** "a number" (or "number" when `article` is false), "an array", "null", "empty" (a string), "missing". */
function describe(value: unknown, article: boolean): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (value === '') return 'empty';
  const kind = Array.isArray(value) ? 'array' : typeof value;
  if (!article) return kind;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Input order: keys as the user wrote them (a missing key first), items by index. */
function comparePaths(raw: unknown, a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
    const parent = valueAt(raw, a.slice(0, i));
    const keys = parent && typeof parent === 'object' ? Object.keys(parent) : [];
    return keys.indexOf(String(a[i])) - keys.indexOf(String(b[i]));
  }
  return a.length - b.length;
}

/**
 * The options with every problem's setting left at its default. A setting is a top-level key
 * or a key of a group (an object whose settings all have defaults, like `artifacts`); a
 * problem deeper down (in one binding repository) drops the whole setting it is in.
 */
function fallback<S extends z.ZodType>(schema: S, raw: unknown, paths: Segment[][]): z.output<S> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return schema.parse({});
  const pruned = structuredClone(raw) as Record<string, unknown>;
  for (const path of paths) {
    const cut = settingOf(schema, path);
    if (cut.length === 0) return schema.parse({});
    const parent = valueAt(pruned, cut.slice(0, -1));
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[cut.at(-1) as string];
  }
  const second = schema.safeParse(pruned);
  return second.success ? second.data : schema.parse({});
}

function settingOf(schema: z.ZodType, path: Segment[]): Segment[] {
  let fields = fieldsOf(schema);
  for (let i = 0; i < path.length; i++) {
    const field = fields?.[path[i] as string];
    if (!field || !unwrap(field).group) return path.slice(0, i + 1);
    fields = fieldsOf(field);
  }
  return path.slice(0, path.length);
}
