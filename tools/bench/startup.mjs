// npm run bench:startup — the plugin inside Nx, beside Nx's own floor measured in the same run:
// `nx show projects` on the cut-45 fixture against the same command in an empty workspace,
// and `nx release-major --dry-run` against Nx running one no-op target (`nx:noop`). Beside them,
// Nx running a no-op executor of a local plugin: what Nx's own fork of run-executor costs any
// plugin's executor (nx:noop runs in Nx's process; every other executor gets a new process). Runs are
// interleaved (one of each per round) so the machine's load falls on all of them alike; each
// workspace keeps its .nx (Nx's and the plugin's caches), as on a developer's machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, median, table } from './stats.mjs';
import { isMain, nxSync, nxWorkspace, repo } from './workspace.mjs';
import { CUT_45 } from './graph.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function benchStartup({ rounds = 5 } = {}) {
  const { wasmtimePreset } = require(join(repo, 'packages/nx-release-train/dist/presets/wasmtime.js'));
  const fill = (dir) => {
    const noop = { 'package.json': { name: 'noop-exec', version: '0.0.0', executors: './executors.json' } };
    noop['executors.json'] = { executors: { noop: { implementation: './impl.js', schema: './schema.json', description: 'no-op' } } };
    noop['schema.json'] = { type: 'object', properties: {} };
    mkdirSync(join(dir, 'noop-exec'));
    for (const [file, json] of Object.entries(noop)) writeFileSync(join(dir, 'noop-exec', file), JSON.stringify(json));
    writeFileSync(join(dir, 'noop-exec/impl.js'), 'module.exports = async () => ({ success: true });\n');
    const targets = { noop: { executor: 'nx:noop' }, fork: { executor: './noop-exec:noop' } };
    writeFileSync(join(dir, 'project.json'), JSON.stringify({ name: 'e', targets }));
  };
  const empty = nxWorkspace('empty', { fill, git: true });
  // The same, with one installed plugin that infers nothing: Nx's cost of a plugin worker, whoever's.
  const trivial = {
    'package.json': JSON.stringify({ name: 'trivial-nx-plugin', version: '0.0.0', main: 'index.js' }),
    'index.js': "exports.name = 'trivial-nx-plugin';\nexports.createNodesV2 = ['**/never-there.none', async () => []];\n",
  };
  const plugin = nxWorkspace('plugin', { fill, git: true, plugins: ['trivial-nx-plugin'], installed: { 'trivial-nx-plugin': trivial } });
  const ours = nxWorkspace('cut45', { from: CUT_45, plugins: [{ plugin: 'nx-release-train', options: wasmtimePreset }], git: true });
  const commands = {
    floorShow: () => nxSync(empty.dir, ['show', 'projects']),
    pluginShow: () => nxSync(plugin.dir, ['show', 'projects']),
    show: () => nxSync(ours.dir, ['show', 'projects']),
    floorNoop: () => nxSync(empty.dir, ['run', 'e:noop']),
    floorFork: () => nxSync(empty.dir, ['run', 'e:fork']),
    pluginFork: () => nxSync(plugin.dir, ['run', 'e:fork']),
    dryRun: () => nxSync(ours.dir, ['release-major', '--dry-run']),
  };
  // With the daemon: started and warmed first, stopped after (each workspace has its own).
  const DAEMON = { NX_DAEMON: 'true' };
  const daemonCommands = {
    daemonFork: () => nxSync(empty.dir, ['run', 'e:fork'], DAEMON),
    daemonDryRun: () => nxSync(ours.dir, ['release-major', '--dry-run'], DAEMON),
  };
  const daemons = [];
  try {
    const times = await interleaved(commands, rounds);
    for (const dir of [empty.dir, ours.dir]) {
      nxSync(dir, ['daemon', '--start'], DAEMON);
      daemons.push(dir);
    }
    Object.assign(times, await interleaved(daemonCommands, rounds));
    // The plugin alone in a new process, as Nx's plugin worker loads it (caches warm).
    const loaded = JSON.parse(
      execFileSync(process.execPath, [join(repo, 'tools/startup/loaded-modules.mjs'), ours.dir, JSON.stringify(wasmtimePreset)], { encoding: 'utf8' }),
    );
    // release-major's executor alone in a new process, as Nx's run-executor loads it.
    const executor = JSON.parse(execFileSync(process.execPath, [join(repo, 'tools/startup/executor-modules.mjs'), 'release-major'], { encoding: 'utf8' }))[
      'release-major'
    ];
    const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), runs: xs.length });
    return {
      ...Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, stat(xs)])),
      plugin: { loadMs: loaded.loadMs, graphMs: loaded.graphMs, modules: loaded.modules.length },
      executor: { loadMs: executor.loadMs, modules: executor.modules.length },
      projects: ours.dir && nxSync(ours.dir, ['show', 'projects']).trim().split('\n').length,
    };
  } finally {
    for (const dir of daemons) nxSync(dir, ['daemon', '--stop'], DAEMON);
    empty.remove();
    plugin.remove();
    ours.remove();
  }
}

/** Each command once to warm Nx's caches and ours, then `rounds` rounds of one run each; times in ms. */
async function interleaved(commands, rounds) {
  for (const run of Object.values(commands)) run();
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [k, run] of Object.entries(commands)) {
      const t0 = performance.now();
      run();
      times[k].push(performance.now() - t0);
    }
  }
  return times;
}

if (isMain(import.meta.url)) {
  const r = await benchStartup();
  console.log(`start-up benchmark (cut-45 fixture, ${r.projects} projects, wasmtime preset; medians of interleaved runs)\n`);
  console.log(
    table([
      ['what', 'median', 'min', 'runs'],
      ['nx show projects, empty workspace (floor)', fmt(r.floorShow.median), fmt(r.floorShow.min), r.floorShow.runs],
      ['nx show projects, empty + an installed plugin inferring nothing', fmt(r.pluginShow.median), fmt(r.pluginShow.min), r.pluginShow.runs],
      ['nx show projects, cut-45', fmt(r.show.median), fmt(r.show.min), r.show.runs],
      ['nx run e:noop (nx:noop), empty workspace (floor)', fmt(r.floorNoop.median), fmt(r.floorNoop.min), r.floorNoop.runs],
      ['nx run e:fork (local no-op executor: Nx forks run-executor), empty', fmt(r.floorFork.median), fmt(r.floorFork.min), r.floorFork.runs],
      ['nx run e:fork, empty + the installed plugin (fork floor with a worker)', fmt(r.pluginFork.median), fmt(r.pluginFork.min), r.pluginFork.runs],
      ['nx release-major --dry-run, cut-45', fmt(r.dryRun.median), fmt(r.dryRun.min), r.dryRun.runs],
      ['daemon on: nx run e:fork, empty', fmt(r.daemonFork.median), fmt(r.daemonFork.min), r.daemonFork.runs],
      ['daemon on: nx release-major --dry-run, cut-45', fmt(r.daemonDryRun.median), fmt(r.daemonDryRun.min), r.daemonDryRun.runs],
    ]),
  );
  console.log(`\nplugin in a new process (caches warm): load ${fmt(r.plugin.loadMs)}, graph ${fmt(r.plugin.graphMs)}, ${r.plugin.modules} modules`);
  console.log(`release-major's executor in a new process: load ${fmt(r.executor.loadMs)}, ${r.executor.modules} modules`);
  console.log(
    `goal: show projects <= floor + 0.1 s -> ${r.show.median - r.floorShow.median <= 100 ? 'met' : 'NOT met'} (+${fmt(r.show.median - r.floorShow.median)})`,
  );
  console.log(
    `goal: release-major --dry-run <= no-op floor + 0.3 s -> ${r.dryRun.median - r.floorNoop.median <= 300 ? 'met' : 'NOT met'} (+${fmt(r.dryRun.median - r.floorNoop.median)}; Nx's fork of any executor: +${fmt(r.floorFork.median - r.floorNoop.median)}, with a plugin worker: +${fmt(r.pluginFork.median - r.floorNoop.median)}, ours beyond that: +${fmt(r.dryRun.median - r.pluginFork.median)})`,
  );
}
