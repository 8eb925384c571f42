#!/usr/bin/env node
/**
 * `npm run bench:publish`: how long publishing a release takes, against the local registry
 * with an injected latency per publish (L) and index delay (D), measured side by side in one
 * run on the same machine:
 *   - nx run-many -t publish --parallel=k   (this plugin, through Nx's task graph: one Nx
 *                                            batch process by default, and one process per
 *                                            crate with --batch=false)
 *   - a serial loop in dependency order     (what Wasmtime's publish tool does)
 *   - cargo publish --workspace             (cargo 1.90+)
 *   - the critical-path bound: longest dependency chain x (L + D)
 *   - `nx publish-plan`'s estimate for the same run (told L and D), to compare with the rehearsal
 * on the bundled example and on a generated workspace with Wasmtime's publish graph (read
 * from the real manifests in fixtures/wasmtime). Every method starts from an empty registry and a fresh CARGO_HOME.
 *
 * Options: --latency MS (1000) --index-delay MS (2000) --parallel K (6) --reps N (3 for the
 * example, 1 for the large workspace unless given) --only example|wasmtime-shaped
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMain, NX_ENV, nxWorkspace } from './workspace.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startRegistry, writeCargoHome } = require(path.join(repoRoot, 'tools/local-registry/dist/index.js'));
const { loadWorkspace } = require(path.join(repoRoot, 'packages/nx-release-train/dist/effects/workspace-fs.js'));
const { publishOrder } = require(path.join(repoRoot, 'packages/nx-release-train/dist/core/publishing/order.js'));

// The registry's latency per publish (L), its index delay (D) and nx's parallelism (K), in ms.
let L = 1000;
let D = 2000;
let K = 6;

/** Wasmtime's publish graph, from the real manifests in fixtures/wasmtime. */
function wasmtimeShape() {
  const fixture = path.resolve(repoRoot, 'fixtures/wasmtime/release-46.0.0/before/tree');
  const ws = loadWorkspace(fixture);
  const order = publishOrder(ws);
  const pub = new Map(ws.members.filter((c) => c.publishable).map((c) => [c.name, c]));
  return {
    source: 'publish graph of Wasmtime 46.0.0 (fixtures/wasmtime)',
    crates: [...pub.values()].map((c) => ({
      name: c.name,
      version: c.version,
      deps: order.needs[c.name].map((d) => ({ name: d, version: pub.get(d).version })),
    })),
  };
}

/** Writes a Cargo workspace of empty library crates with the given publish graph. */
function writeShape(dir, shape) {
  writeFileSync(path.join(dir, 'Cargo.toml'), '[workspace]\nresolver = "2"\nmembers = ["crates/*"]\n');
  for (const c of shape.crates) {
    const d = path.join(dir, 'crates', c.name);
    mkdirSync(path.join(d, 'src'), { recursive: true });
    const deps = c.deps.map((x) => `${x.name} = { path = "../${x.name}", version = "=${x.version}" }`).join('\n');
    writeFileSync(
      path.join(d, 'Cargo.toml'),
      `[package]\nname = "${c.name}"\nversion = "${c.version}"\nedition = "2021"\nlicense = "Apache-2.0"\ndescription = "benchmark crate"\n\n[dependencies]\n${deps}\n`,
    );
    writeFileSync(path.join(d, 'src/lib.rs'), '');
  }
}

/** A git repository with nx.json using the local plugin (cargo publish wants a clean tree). */
function prepare(name, fill) {
  const { dir } = nxWorkspace(`publish-${name}`, { fill, plugins: [{ plugin: 'nx-release-train', options: { registry: 'local' } }], git: true });
  const ws = loadWorkspace(dir);
  const order = publishOrder(ws);
  if (order.diagnostics.length) throw new Error(`${name}: ${order.diagnostics.map((d) => d.message).join('; ')}`);
  return { name, dir, order, crates: ws.members.filter((c) => c.publishable) };
}

function sh(file, argv, opts) {
  return new Promise((resolve) => {
    const child = spawn(file, argv, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const nx = (w, env, extra) =>
  sh(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'publish',
      `--parallel=${K}`,
      `--concurrency=${K}`,
      '--output-style=static',
      ...extra,
    ],
    { cwd: w.dir, env: { ...env, ...NX_ENV } },
  );

const METHODS = {
  nx: (w, env) => nx(w, env, []),
  'nx-tasks': (w, env) => nx(w, env, ['--batch=false']),
  serial: async (w, env) => {
    // Wasmtime's tool: one `cargo publish` after the other, in dependency order.
    let out = '';
    for (const name of w.order.waves.flat()) {
      const r = await sh('cargo', ['publish', '-p', name, '--registry', 'local', '--no-verify'], { cwd: w.dir, env });
      out += r.out;
      if (r.code !== 0) return { code: r.code, out };
    }
    return { code: 0, out };
  },
  'cargo-ws': (w, env) => sh('cargo', ['publish', '--workspace', '--registry', 'local', '--no-verify'], { cwd: w.dir, env }),
};

/**
 * Where a run's time went, from the registry's request log: the first index read and the
 * first upload after the start, then the chain of crates that ended last, each link's
 * lateness (its last dependency visible in the index -> its upload request), and the end.
 */
export function timeline(w, reg, t0, end) {
  const events = reg.events.filter((e) => e.at >= t0);
  const first = (route) => events.find((e) => e.route === route)?.at;
  const upload = new Map();
  for (const e of events) if (e.route === 'publish' && e.status === 200 && !upload.has(e.crate)) upload.set(e.crate, e.at);
  const stored = (n) => reg.version(n, w.crates.find((c) => c.name === n).version);
  const ready = (n) => Math.max(t0, ...w.order.needs[n].map((d) => stored(d).visibleAt));
  const late = (n) => upload.get(n) - ready(n);
  let n = w.crates.map((c) => c.name).reduce((a, b) => (stored(a).visibleAt >= stored(b).visibleAt ? a : b));
  const chain = [];
  for (;;) {
    chain.unshift(n);
    const needs = w.order.needs[n];
    if (!needs.length) break;
    n = needs.reduce((a, b) => (stored(a).visibleAt >= stored(b).visibleAt ? a : b));
  }
  const lateness = chain.slice(1).map(late);
  const lastVisible = stored(chain.at(-1)).visibleAt;
  const s = (ms) => (ms / 1000).toFixed(2);
  return (
    `first index read ${s(first('index') - t0)} s, first upload ${s(first('publish') - t0)} s (of the chain ${s(upload.get(chain[0]) - t0)} s); ` +
    `lateness per wave after the first: ${lateness.map(s).join(' ')} (sum ${s(lateness.reduce((a, b) => a + b, 0))} s); ` +
    `uploads (request -> stored) ${chain.map((c) => s(stored(c).publishedAt - upload.get(c))).join(' ')}; ` +
    `last visible -> exit ${s(end - lastVisible)} s; index reads after the first upload ${events.filter((e) => e.route === 'index' && e.at >= upload.get(chain[0])).length}`
  );
}

async function measure(w, method, log) {
  const reg = await startRegistry({ publishLatencyMs: L, indexDelayMs: D });
  const home = mkdtempSync(path.join(os.tmpdir(), 'bench-cargo-home-'));
  const env = { ...process.env, ...writeCargoHome(home, reg) };
  rmSync(path.join(w.dir, 'target'), { recursive: true, force: true });
  rmSync(path.join(w.dir, '.nx'), { recursive: true, force: true });
  const t0 = performance.now();
  const at0 = Date.now();
  const r = await METHODS[method](w, env);
  const ms = performance.now() - t0;
  if (log && r.code === 0) log(`    ${method}: ${timeline(w, reg, at0, Date.now())}`);
  const missing = w.crates.filter((c) => reg.published(c.name).length !== 1).map((c) => c.name);
  await reg.stop();
  rmSync(home, { recursive: true, force: true });
  if (r.code !== 0 || missing.length) {
    const tail = r.out.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${method} on ${w.name} failed (exit ${r.code}; not published exactly once: ${missing.join(', ') || 'none'}):\n${tail}`);
  }
  return ms;
}

/** publish-plan's estimate, in ms, for an empty registry with the same L, D and concurrency. */
async function planEstimate(w) {
  const reg = await startRegistry({ publishLatencyMs: L, indexDelayMs: D });
  const home = mkdtempSync(path.join(os.tmpdir(), 'bench-cargo-home-'));
  const env = { ...process.env, ...writeCargoHome(home, reg), ...NX_ENV };
  const r = await sh(
    process.execPath,
    [path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js'), 'publish-plan', `--parallel=${K}`, `--publishSeconds=${L / 1000}`, `--indexSeconds=${D / 1000}`],
    { cwd: w.dir, env },
  );
  await reg.stop();
  rmSync(home, { recursive: true, force: true });
  const m = /Estimate: about (?:(\d+) h )?(?:(\d+) min )?(?:(\d+) s)?/.exec(r.out);
  if (!m) throw new Error(`publish-plan on ${w.name} printed no estimate (exit ${r.code}):\n${r.out.slice(-1500)}`);
  const [h, min, s] = [m[1], m[2], m[3]].map((x) => Number(x ?? 0));
  return ((h * 60 + min) * 60 + s) * 1000;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sec = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);
const ratio = (a, b) => (a === undefined || b === undefined ? '-' : (a / b).toFixed(2));

/**
 * Runs the methods (all four unless `methods` is given) on both graphs (or `only` one) and
 * returns, per graph, the bound, each method's median and publish-plan's estimate.
 */
export async function benchPublish({
  latency = 1000,
  indexDelay = 2000,
  parallel = 6,
  reps,
  only,
  methods = Object.keys(METHODS),
  timelines = false,
  log = console.log,
} = {}) {
  [L, D, K] = [latency, indexDelay, parallel];
  const shape = wasmtimeShape();
  const targets = [
    {
      name: 'example',
      fill: (dir) => cpSync(path.join(repoRoot, 'examples/mini-wasmtime'), dir, { recursive: true, filter: (s) => !/[\\/](target|\.git)$/.test(s) }),
      reps: reps ?? 3,
    },
    { name: 'wasmtime-shaped', fill: (dir) => writeShape(dir, shape), reps: reps ?? 1 },
  ].filter((t) => !only || t.name === only);
  log(`L = ${L} ms per publish, D = ${D} ms index delay, nx --parallel=${K}, ${os.cpus().length} CPUs`);
  log(`wasmtime-shaped: ${shape.source}`);
  const rows = [];
  for (const t of targets) {
    const w = prepare(t.name, t.fill);
    try {
      const times = Object.fromEntries(methods.map((m) => [m, []]));
      for (let i = 0; i < t.reps; i++) {
        for (const m of methods) {
          const ms = await measure(w, m, timelines ? log : null);
          times[m].push(ms);
          log(`  ${w.name} rep ${i + 1}/${t.reps}: ${m} ${sec(ms)}`);
        }
      }
      const bound = w.order.waves.length * (L + D);
      const med = Object.fromEntries(Object.entries(times).map(([m, xs]) => [m, median(xs)]));
      const estimate = await planEstimate(w);
      rows.push({ name: w.name, crates: w.crates.length, waves: w.order.waves.length, reps: t.reps, bound, med, estimate });
    } finally {
      rmSync(w.dir, { recursive: true, force: true });
    }
  }
  return rows;
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      latency: { type: 'string', default: '1000' },
      'index-delay': { type: 'string', default: '2000' },
      parallel: { type: 'string', default: '6' },
      reps: { type: 'string' },
      only: { type: 'string' },
      methods: { type: 'string' },
      timeline: { type: 'boolean', default: false },
    },
  });
  const rows = await benchPublish({
    latency: Number(args.latency),
    indexDelay: Number(args['index-delay']),
    parallel: Number(args.parallel),
    reps: args.reps === undefined ? undefined : Number(args.reps),
    only: args.only,
    methods: args.methods?.split(','),
    timelines: args.timeline,
  });
  const header = [
    'workspace',
    'crates',
    'waves',
    'reps',
    'bound',
    `nx k=${K}`,
    'nx --batch=false',
    'serial loop',
    'cargo --workspace',
    'nx/bound',
    'tasks/bound',
    'serial/nx',
    'cargo/nx',
    'plan estimate',
    'nx/estimate',
  ];
  const body = rows.map((r) => [
    r.name,
    String(r.crates),
    String(r.waves),
    String(r.reps),
    sec(r.bound),
    sec(r.med.nx),
    sec(r.med['nx-tasks']),
    sec(r.med.serial),
    sec(r.med['cargo-ws']),
    ratio(r.med.nx, r.bound),
    ratio(r.med['nx-tasks'], r.bound),
    ratio(r.med.serial, r.med.nx),
    ratio(r.med['cargo-ws'], r.med.nx),
    sec(r.estimate),
    ratio(r.med.nx, r.estimate),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\nmedians (bound = longest dependency chain x (L + D)):`);
  console.log(line(header));
  for (const b of body) console.log(line(b));
}

if (isMain(import.meta.url)) {
  main().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
