// npm run bench:startup — the plugin inside Nx, beside Nx's own floor measured in the same run:
// `nx show projects` on the cut-45 fixture against the same command in an empty workspace,
// and `nx release-major --dry-run` against Nx running one no-op target (`nx:noop`). Runs are
// interleaved (one of each per round) so the machine's load falls on all of them alike; each
// workspace keeps its .nx (Nx's and the plugin's caches), as on a developer's machine.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fmt, median, table } from './stats.mjs';
import { isMain, nxSync, nxWorkspace, repo } from './workspace.mjs';
import { CUT_45 } from './graph.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export async function benchStartup({ rounds = 5 } = {}) {
  const { wasmtimePreset } = require(join(repo, 'packages/nx-release-train/dist/presets/wasmtime.js'));
  const empty = nxWorkspace('empty', {
    fill: (dir) => execFileSync('sh', ['-c', `printf '%s' '{"name":"e","targets":{"noop":{"executor":"nx:noop"}}}' > project.json`], { cwd: dir }),
    git: true,
  });
  const ours = nxWorkspace('cut45', { from: CUT_45, plugins: [{ plugin: 'nx-release-train', options: wasmtimePreset }], git: true });
  const commands = {
    floorShow: () => nxSync(empty.dir, ['show', 'projects']),
    show: () => nxSync(ours.dir, ['show', 'projects']),
    floorNoop: () => nxSync(empty.dir, ['run', 'e:noop']),
    dryRun: () => nxSync(ours.dir, ['release-major', '--dry-run']),
  };
  try {
    for (const run of Object.values(commands)) run(); // warm Nx's caches and ours
    const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    for (let i = 0; i < rounds; i++) {
      for (const [k, run] of Object.entries(commands)) {
        const t0 = performance.now();
        run();
        times[k].push(performance.now() - t0);
      }
    }
    // The plugin alone in a new process, as Nx's plugin worker loads it (caches warm).
    const loaded = JSON.parse(
      execFileSync(process.execPath, [join(repo, 'tools/startup/loaded-modules.mjs'), ours.dir, JSON.stringify(wasmtimePreset)], { encoding: 'utf8' }),
    );
    const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), runs: xs.length });
    return {
      ...Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, stat(xs)])),
      plugin: { loadMs: loaded.loadMs, graphMs: loaded.graphMs, modules: loaded.modules.length },
      projects: ours.dir && nxSync(ours.dir, ['show', 'projects']).trim().split('\n').length,
    };
  } finally {
    empty.remove();
    ours.remove();
  }
}

if (isMain(import.meta.url)) {
  const r = await benchStartup();
  console.log(`start-up benchmark (cut-45 fixture, ${r.projects} projects, wasmtime preset; medians of interleaved runs)\n`);
  console.log(
    table([
      ['what', 'median', 'min', 'runs'],
      ['nx show projects, empty workspace (floor)', fmt(r.floorShow.median), fmt(r.floorShow.min), r.floorShow.runs],
      ['nx show projects, cut-45', fmt(r.show.median), fmt(r.show.min), r.show.runs],
      ['nx run e:noop (nx:noop), empty workspace (floor)', fmt(r.floorNoop.median), fmt(r.floorNoop.min), r.floorNoop.runs],
      ['nx release-major --dry-run, cut-45', fmt(r.dryRun.median), fmt(r.dryRun.min), r.dryRun.runs],
    ]),
  );
  console.log(`\nplugin in a new process (caches warm): load ${fmt(r.plugin.loadMs)}, graph ${fmt(r.plugin.graphMs)}, ${r.plugin.modules} modules`);
  console.log(
    `goal: show projects <= floor + 0.1 s -> ${r.show.median - r.floorShow.median <= 100 ? 'met' : 'NOT met'} (+${fmt(r.show.median - r.floorShow.median)})`,
  );
  console.log(
    `goal: release-major --dry-run <= no-op floor + 0.3 s -> ${r.dryRun.median - r.floorNoop.median <= 300 ? 'met' : 'NOT met'} (+${fmt(r.dryRun.median - r.floorNoop.median)})`,
  );
}
