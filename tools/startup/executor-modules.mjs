#!/usr/bin/env node
// node tools/startup/executor-modules.mjs [name...] — what each executor (executors.json; all
// of them without names) loads: Nx's forked run-executor process requires one executor's
// implementation for the one command it runs. All are required in one process (cheap enough
// for the unit tier); each one's modules are the closure of its module's `children`, so a
// module shared with an executor loaded before still counts for every executor needing it.
// Prints JSON { [name]: { loadMs, modules } }: loadMs is exact for the first executor only.
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = join(repo, 'packages/nx-release-train');
const require = createRequire(import.meta.url);
const all = require(join(pkg, 'executors.json')).executors;
const names = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(all);

// Nx's run-executor has loaded its own modules (the logger among them) before the executor.
require(require.resolve('nx/src/utils/logger', { paths: [repo] }));
const before = new Set(Object.keys(require.cache));
const short = (m) => {
  const i = m.lastIndexOf('node_modules/');
  return i >= 0 ? m.slice(i) : relative(repo, m);
};
function closure(id, seen = new Set()) {
  if (seen.has(id) || before.has(id)) return seen;
  seen.add(id);
  for (const child of require.cache[id]?.children ?? []) closure(child.id, seen);
  return seen;
}
const out = {};
for (const name of names) {
  if (!all[name]) throw new Error(`no executor ${name} in executors.json`);
  const file = require.resolve(join(pkg, all[name].implementation));
  const t0 = performance.now();
  require(file);
  out[name] = { loadMs: performance.now() - t0, modules: [...closure(file)].map(short).sort() };
}
console.log(JSON.stringify(out));
