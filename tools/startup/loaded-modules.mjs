#!/usr/bin/env node
// node tools/startup/loaded-modules.mjs [workspace] — what loading the plugin (dist/index.js)
// costs: requires it, and with a workspace directory runs createNodesV2 and
// createDependencies on its Cargo.toml files as Nx would. Prints JSON: the modules the
// plugin added to require.cache (paths relative to the repository, node_modules/... for packages), the
// projects found, and the milliseconds taken. Used by startup.spec.ts and the benchmark.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const workspace = process.argv[2];
const options = process.argv[3] ? JSON.parse(process.argv[3]) : undefined;

function manifests(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'target' ? [] : manifests(join(dir, e.name), base);
    return e.name === 'Cargo.toml' ? [relative(base, join(dir, e.name))] : [];
  });
}

// Nx's plugin worker (and Nx's own process) has its logger loaded before it loads a plugin;
// load it first so the time below is the plugin's own.
require(require.resolve('nx/src/utils/logger', { paths: [repo] }));
const before = new Set(Object.keys(require.cache));
const t0 = performance.now();
const plugin = require(join(repo, 'packages/nx-release-train/dist/index.js'));
const loadMs = performance.now() - t0;
let projects = [];
let graphMs = 0;
if (workspace) {
  const t1 = performance.now();
  const results = await plugin.createNodesV2[1](manifests(workspace), options, { workspaceRoot: workspace, nxJsonConfiguration: {} });
  const byRoot = Object.assign({}, ...results.map(([, r]) => r.projects));
  const named = Object.fromEntries(Object.values(byRoot).map((p) => [p.name, p]));
  const edges = await plugin.createDependencies(options, { workspaceRoot: workspace, projects: named });
  graphMs = performance.now() - t1;
  projects = Object.keys(named).sort();
  projects.push(`${edges.length} edges`);
}
const modules = Object.keys(require.cache)
  .filter((m) => !before.has(m))
  .map((m) => {
    const i = m.lastIndexOf('node_modules/');
    return i >= 0 ? m.slice(i) : relative(repo, m);
  });
console.log(JSON.stringify({ loadMs, graphMs, projects, modules }));
