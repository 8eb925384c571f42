// npm run bench:graph — the in-process graph computation on the cut-45 fixture (~96 members,
// cold cache each run), beside `cargo metadata --no-deps --offline` on the bundled example as a
// reference measured in the same run, plus `nx show projects` wall time on a fixture copy.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fmt, table, timeMedian } from './stats.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { projectsFor } = require(join(repo, 'packages/nx-release-train/dist/graph/nodes.js'));
const { edgesOf } = require(join(repo, 'packages/nx-release-train/dist/graph/dependencies.js'));
const { findManifests } = require(join(repo, 'packages/nx-release-train/dist/effects/workspace-fs.js'));
const { DEFAULT_OPTIONS } = require(join(repo, 'packages/nx-release-train/dist/core/settings/options.js'));

const fixture = resolve(repo, 'fixtures/wasmtime/cut-45/before/tree');
const { buildWorkspace } = require(join(repo, 'packages/nx-release-train/dist/core/workspace.js'));
const { readText } = require(join(repo, 'packages/nx-release-train/dist/effects/workspace-fs.js'));
const cold = await timeMedian(
  () => {
    const files = findManifests(fixture);
    const texts = new Map(files.map((f) => [f, readText(fixture, f)]));
    const model = buildWorkspace({ manifests: files, read: (p) => (texts.has(p) ? texts.get(p) : readText(fixture, p)) });
    projectsFor(model, DEFAULT_OPTIONS);
    edgesOf(model);
  },
  { runs: 30, warmup: 5 },
);

const example = join(repo, 'examples/mini-wasmtime');
const cargo = await timeMedian(
  () => {
    const r = spawnSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], { cwd: example, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  },
  { runs: 20, warmup: 2 },
);

const ours = await timeMedian(
  () => {
    const files = findManifests(example);
    const model = buildWorkspace({ manifests: files, read: (p) => readText(example, p) });
    projectsFor(model, DEFAULT_OPTIONS);
    edgesOf(model);
  },
  { runs: 30, warmup: 5 },
);

const dir = mkdtempSync(join(tmpdir(), 'nrt-bench-graph-'));
cpSync(fixture, dir, { recursive: true });
writeFileSync(join(dir, 'nx.json'), JSON.stringify({ plugins: ['nx-release-train'], useDaemonProcess: false }));
symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const nxShow = await timeMedian(
  () => {
    rmSync(join(dir, '.nx'), { recursive: true, force: true });
    const r = spawnSync(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  },
  { runs: 5, warmup: 1 },
);
rmSync(dir, { recursive: true, force: true });

const model = buildWorkspace({ manifests: findManifests(fixture), read: (p) => readText(fixture, p) });
console.log(`graph benchmark (cut-45 fixture: ${model.members.length} projects, ${edgesOf(model).length} edges; medians)\n`);
console.log(
  table([
    ['what', 'median', 'min', 'runs'],
    ['graph in-process, cut-45 (cold, parse all manifests)', fmt(cold.median), fmt(cold.min), cold.runs],
    ['graph in-process, bundled example', fmt(ours.median), fmt(ours.min), ours.runs],
    ['cargo metadata --no-deps --offline, bundled example', fmt(cargo.median), fmt(cargo.min), cargo.runs],
    ['nx show projects, cut-45 copy (fresh .nx each run)', fmt(nxShow.median), fmt(nxShow.min), nxShow.runs],
  ]),
);
console.log(`\nratio cargo metadata (example) / our graph (cut-45, ~7x more crates): ${(cargo.median / cold.median).toFixed(1)}x`);
console.log(`ratio cargo metadata / our graph, same example tree: ${(cargo.median / ours.median).toFixed(1)}x`);
console.log(`goal: under 40 ms for ~100 crates -> ${cold.median < 40 ? 'met' : 'NOT met'} (${fmt(cold.median)})`);
