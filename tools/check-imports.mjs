// npm run lint — the plugin's layers import one way (core <- effects <- commands <- executors),
// Nx is spoken only at its edges, commands reach the environment and the terminal only
// through their request and services, and no two modules import each other's values.
// Exits 1 listing every violation.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(repo, 'packages/nx-release-train/src');

/** What each top-level folder (or root file) of src/ may import from the plugin. */
const ALLOWED = {
  core: ['core'],
  presets: ['core', 'presets'],
  effects: ['core', 'effects'],
  commands: ['core', 'effects', 'commands'],
  graph: ['core', 'effects', 'graph', 'presets'],
  executors: ['core', 'effects', 'commands', 'executors', 'presets'],
  generators: ['core', 'effects', 'generators', 'presets'],
  // `nx release` adapters (version actions): Nx's release API over core and effects.
  release: ['core', 'effects', 'release'],
  '(root)': ['core', 'effects', 'graph', 'presets', '(root)'],
};
/** Where Nx's own packages may be imported. */
const NX_ALLOWED = new Set(['executors', 'generators', 'graph', 'release', '(root)']);
/** Folders whose non-test code must not read process.env or print with console. */
const NO_AMBIENT = new Set(['commands']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

const layerOf = (file) => {
  const rel = relative(src, file).split(sep);
  return rel.length === 1 ? '(root)' : rel[0];
};
/** The file an import names: `x` is `x.ts` or `x/index.ts`. */
const targetOf = (from, spec) => {
  const target = resolve(dirname(from), spec);
  return existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.ts') : target;
};
const pluginRoot = dirname(src);
/** Tests may read test data and tools from anywhere in the repository, and presets (configuration). */
const TEST_EXTRA = ['presets'];

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|(?:^|\W)import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\W)require\(\s*['"]([^'"]+)['"]\s*\)/g;

const problems = [];
for (const file of files(src)) {
  const text = readFileSync(file, 'utf8');
  const layer = layerOf(file);
  const rel = relative(repo, file);
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const at = `${rel}:${lineOf(m.index + m[0].indexOf(spec))}`;
    if (spec.startsWith('.')) {
      const target = targetOf(file, spec);
      const isTest = file.endsWith('.spec.ts');
      if (!target.startsWith(src + sep)) {
        // The package's own manifests (executors.json) are data; tests may use the repository's tools.
        const packageData = dirname(target) === pluginRoot && target.endsWith('.json');
        if (!packageData && !isTest) problems.push(`${at}: imports ${spec}, outside the plugin's sources`);
        continue;
      }
      const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (isTest && TEST_EXTRA.includes(to)) continue;
      if (!ALLOWED[layer]?.includes(to)) problems.push(`${at}: ${layer}/ imports ${to}/ (${spec}); ${layer}/ may import only ${ALLOWED[layer].join(', ')}`);
    } else if (/^(@nx\/|nx(\/|$))/.test(spec) && !NX_ALLOWED.has(layer)) {
      problems.push(`${at}: ${layer}/ imports ${spec}; Nx is spoken only in executors/, generators/, graph/ and release/`);
    }
  }
  if (NO_AMBIENT.has(layer) && !file.endsWith('.spec.ts')) {
    for (const m of text.matchAll(/process\.env|console\./g)) {
      problems.push(`${rel}:${lineOf(m.index)}: ${m[0]} in ${layer}/; read the environment in resolve() from the input, print through services.log`);
    }
  }
}

// Two modules importing each other's values: whichever loads first sees the other half-built
// (undefined exports at load time). `import type` is erased, so it is not counted.
const VALUE_IMPORT = /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'"]*?from\s*['"](\.[^'"]*)['"]/g;
const valueImports = new Map();
for (const file of files(src)) {
  if (file.endsWith('.spec.ts')) continue;
  const targets = [...readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)].map((m) => targetOf(file, m[1])).map((t) => (t.endsWith('.ts') ? t : `${t}.ts`));
  valueImports.set(file, new Set(targets));
}
for (const [a, targets] of valueImports) {
  for (const b of targets) {
    if (a < b && valueImports.get(b)?.has(a))
      problems.push(`${relative(repo, a)} and ${relative(repo, b)} import each other; move what both need into a third module`);
  }
}

if (problems.length) {
  console.error(`import rules: ${problems.length} violation(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('import rules: every import goes one way');
