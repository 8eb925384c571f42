/**
 * docs/options.md, generated from the options schema: every setting (nested ones by their
 * path, items of lists as `[]`), its type, default, which preset sets it, and what it does.
 * `npm run docs:options` writes it; a unit test fails when the committed file differs.
 */
import type { z } from 'zod';
import { MOVED_SETTINGS } from './moved';
import { defOf, fieldsOf, formatPath, metaOf, typeName, unwrap, valueAt, type Segment } from './introspect';

/** The one precedence of core/github-target.ts, stated where the settings are. */
const GITHUB_TARGET = [
  '## Where GitHub is',
  '',
  "Every command that talks to GitHub (the train's `--push`, `release-tag --via=api`, `release-assets`,",
  '`release-bindings`) finds it the same way:',
  '',
  "- repository: `--repository` (release-assets) > `GITHUB_REPOSITORY` > `githubRepository` > the push remote's GitHub URL",
  '  (github.com, or the host of `GITHUB_SERVER_URL`); `release-bindings` opens its pull requests in each',
  '  `bindings.repos[].github` instead;',
  '- API: `--github-api-url` (`--githubApiUrl`) > `GITHUB_API_URL` > `githubApiUrl`;',
  '- token: the variable `githubTokenEnv` names (default `GITHUB_TOKEN`, which GitHub Actions sets), never a flag.',
];

interface Row {
  setting: string;
  type: string;
  default: string;
  presets: string;
  doc: string;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderReference(schema: z.ZodType, presets: Record<string, unknown>): string {
  const rows: Row[] = [];
  walk(schema, [], rows, presets, '');
  const lines = [
    '# nx-release-train options',
    '',
    '<!-- Generated from packages/nx-release-train/src/core/settings/schema.ts by `npm run docs:options`; do not edit by hand. -->',
    '',
    'Plugin options live in `nx.json`: `plugins: [{ "plugin": "nx-release-train", "options": { ... } }]`.',
    'They are checked when Nx builds the graph (`nx show projects` names each problem with its setting path);',
    "a setting left out takes its default. `nx g nx-release-train:init --preset=<name>` writes a preset's settings.",
    'Items of a list are shown as `[]`; `(kind "x")` or `(with "x")` names the fields of one kind of item.',
    '',
    '| setting | type | default | preset | what it does |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.setting}\` | ${cell(r.type)} | ${cell(r.default)} | ${r.presets} | ${cell(r.doc)} |`),
    '',
    ...GITHUB_TARGET,
    '',
    '## Replaced settings',
    '',
    'A removed setting still in `nx.json` is refused, naming the one that replaces it.',
    '',
    '| removed | use instead | why |',
    '|---|---|---|',
    ...Object.entries(MOVED_SETTINGS).map(([from, m]) => `| \`${from}\` | \`${m.to}\` | ${cell(m.why)} |`),
    '',
  ];
  return lines.join('\n');
}

/** Fields of an object schema in order; items of lists and each kind of a union below them. */
function walk(schema: z.ZodType, path: Segment[], rows: Row[], presets: Record<string, unknown>, note: string): void {
  for (const [key, field] of Object.entries(fieldsOf(schema) ?? {})) {
    const at = [...path, key];
    const info = unwrap(field);
    const itemPath = at.some((s) => s === '[]');
    rows.push({
      setting: `${formatPath(at).replaceAll('.[]', '[]')}${note}`,
      type: info.group ? 'object' : typeOf(field),
      default: info.group
        ? '(each setting below)'
        : info.hasDefault
          ? '`' + JSON.stringify(info.defaultValue) + '`'
          : info.optional
            ? '(none)'
            : itemPath
              ? 'required'
              : '(none)',
      presets: itemPath
        ? ''
        : Object.entries(presets)
            .filter(([, preset]) => valueAt(preset, at) !== undefined)
            .map(([name]) => name)
            .join(', '),
      doc: metaOf(field).description ?? '',
    });
    descend(info.inner, at, rows, presets);
  }
}

/** A number's range is only in its stated expectation ("an integer from 0 to 9"). */
function typeOf(field: z.ZodType): string {
  const name = typeName(field, true);
  return name === 'number' ? (metaOf(field).expected ?? name) : name;
}

function descend(inner: z.ZodType, at: Segment[], rows: Row[], presets: Record<string, unknown>): void {
  const def = defOf(inner);
  if (def.type === 'object') return walk(inner, at, rows, presets, '');
  if (def.type !== 'array') return;
  const element = unwrap(def.element!).inner;
  const elementDef = defOf(element);
  if (elementDef.type === 'object') return walk(element, [...at, '[]'], rows, presets, '');
  if (elementDef.type !== 'union') return;
  for (const option of elementDef.options ?? []) {
    const tag = elementDef.discriminator ? fieldsOf(option)?.[elementDef.discriminator] : undefined;
    const kind = tag ? defOf(unwrap(tag).inner).values?.[0] : undefined;
    const first = Object.keys(fieldsOf(option) ?? {})[0];
    walk(option, [...at, '[]'], rows, presets, kind !== undefined ? ` (${elementDef.discriminator} "${String(kind)}")` : ` (with "${first}")`);
  }
}
