#!/usr/bin/env node
// npm run bench — every benchmark, each goal beside its measure and the reference measured in
// the same run (Nx's floor, cargo metadata, the critical-path bound), then a comparison with
// the last run's figures (tools/bench/baseline.json, rewritten unless --no-save): a measure
// that moved by more than 20 % is named, by its value and, where it has one, by its ratio to
// its reference (the steadier figure on a shared machine).
//
// Options: --only startup,graph,version,publish  --rounds N (nx commands, default 5)  --no-save
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchGraph } from './graph.mjs';
import { benchPublish } from './publish.mjs';
import { benchStartup } from './startup.mjs';
import { fmt, table } from './stats.mjs';
import { benchVersion } from './version.mjs';
import { repo } from './workspace.mjs';

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, rounds: { type: 'string', default: '5' }, 'no-save': { type: 'boolean', default: false } },
});
const parts = new Set((args.only ?? 'startup,graph,version,publish').split(','));
const BASELINE = join(repo, 'tools/bench/baseline.json');
const MOVED = 0.2;
const load = () => os.loadavg()[0].toFixed(1);
const started = performance.now();
const loadAtStart = load();

/** One row: the measure (ms), its reference (ms) from this run, and the goal as a test of both. */
const measures = [];
const add = (key, what, value, ref, refWhat, goal, met) => measures.push({ key, what, value, ref, refWhat, goal, met });

if (parts.has('startup')) {
  console.error('startup: nx commands beside Nx floor...');
  const s = await benchStartup({ rounds: Number(args.rounds) });
  add(
    'nx-show-projects',
    'nx show projects, cut-45',
    s.show.median,
    s.floorShow.median,
    'same, empty workspace',
    '<= floor + 0.1 s',
    s.show.median <= s.floorShow.median + 100,
  );
  add(
    'nx-release-major-dry-run',
    'nx release-major --dry-run, cut-45',
    s.dryRun.median,
    s.floorNoop.median,
    'nx:noop target, empty workspace',
    '<= floor + 0.3 s',
    s.dryRun.median <= s.floorNoop.median + 300,
  );
  add('nx-fork-floor', 'nx run of a local no-op executor (Nx forks)', s.floorFork.median, s.floorNoop.median, 'nx:noop target, empty workspace', '', null);
  add(
    'nx-plugin-show-floor',
    'nx show projects, an installed plugin inferring nothing',
    s.pluginShow.median,
    s.floorShow.median,
    'same, empty workspace',
    '',
    null,
  );
  add(
    'nx-plugin-fork-floor',
    'the no-op executor beside that plugin (a worker)',
    s.pluginFork.median,
    s.floorNoop.median,
    'nx:noop target, empty workspace',
    '',
    null,
  );
  add('nx-daemon-dry-run', 'daemon on: release-major --dry-run, cut-45', s.daemonDryRun.median, s.daemonFork.median, 'daemon on: the no-op executor', '', null);
  add('plugin-load', `plugin load, new process (${s.plugin.modules} modules)`, s.plugin.loadMs, null, '', '', null);
  add('plugin-graph-disk-cache', 'graph in a new process (disk caches warm)', s.plugin.graphMs, null, '', '', null);
}
if (parts.has('graph')) {
  console.error('graph: in-process beside cargo metadata...');
  const g = await benchGraph();
  add('graph-cold', `graph cold, cut-45 (${g.projects} crates)`, g.cold.median, g.cargo.median, 'cargo metadata --no-deps', '< 8 ms', g.cold.median < 8);
  add(
    'graph-unchanged',
    'graph, nothing changed (createNodesV2+deps)',
    g.cached.median,
    g.cargo.median,
    'cargo metadata --no-deps',
    '< 1 ms',
    g.cached.median < 1,
  );
}
if (parts.has('version')) {
  console.error('version: plan + apply of the cut...');
  const v = await benchVersion();
  add(
    'plan-apply',
    `plan + apply of the cut (${v.edits} files)`,
    v.planApply.median,
    v.plannerOnly.median,
    'planVersions alone',
    '< 20 ms',
    v.planApply.median < 20,
  );
}
if (parts.has('publish')) {
  console.error('publish: both graphs against the local registry (L = 1 s, D = 2 s)...');
  const rows = await benchPublish({ reps: 1, methods: ['nx'], log: (l) => console.error(l) });
  for (const r of rows) {
    add(
      `publish-${r.name}`,
      `publish, ${r.name} (${r.crates} crates, ${r.waves} waves)`,
      r.med.nx,
      r.bound,
      'critical-path bound',
      '<= 1.10x bound',
      r.med.nx <= 1.1 * r.bound,
    );
    const off = Math.abs(r.estimate - r.med.nx) / r.med.nx;
    add(`publish-plan-${r.name}`, `publish-plan estimate, ${r.name}`, r.estimate, r.med.nx, 'the publish above', 'within 15 %', off <= 0.15);
  }
}

const ratio = (m) => (m.ref ? m.value / m.ref : null);
console.log(
  `\nnpm run bench: ${os.cpus().length} CPUs, load average ${loadAtStart} at start, ${load()} at end (figures scale with load; ratios to the same run's references matter most)\n`,
);
console.log(
  table([
    ['measure', 'median', 'reference (same run)', 'ref', 'ratio', 'goal', ''],
    ...measures.map((m) => [
      m.what,
      fmt(m.value),
      m.refWhat,
      m.ref ? fmt(m.ref) : '',
      m.ref ? `${ratio(m).toFixed(2)}x` : '',
      m.goal,
      m.met === null ? '' : m.met ? 'met' : 'NOT met',
    ]),
  ]),
);

let baseline = null;
try {
  baseline = JSON.parse(readFileSync(BASELINE, 'utf8'));
} catch {
  console.log('\nno baseline yet (tools/bench/baseline.json): this run becomes it');
}
if (baseline) {
  const moved = [];
  for (const m of measures) {
    const before = baseline.measures?.[m.key];
    if (!before) continue;
    const change = (a, b) => (b ? (a - b) / b : 0);
    const byValue = change(m.value, before.value);
    const byRatio = m.ref && before.ref ? change(ratio(m), before.value / before.ref) : null;
    if (Math.abs(byValue) > MOVED || (byRatio !== null && Math.abs(byRatio) > MOVED)) {
      const pct = (x) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
      moved.push(`  ${m.what}: ${fmt(before.value)} -> ${fmt(m.value)} (${pct(byValue)})${byRatio === null ? '' : `, ratio to its reference ${pct(byRatio)}`}`);
    }
  }
  console.log(`\ncompared with the baseline of ${baseline.date} (load average ${baseline.load}):`);
  console.log(moved.length ? `moved by more than ${MOVED * 100} %:\n${moved.join('\n')}` : `nothing moved by more than ${MOVED * 100} %`);
}
if (!args['no-save']) {
  const kept = {
    ...(baseline?.measures ?? {}),
    ...Object.fromEntries(measures.map((m) => [m.key, { value: Math.round(m.value * 100) / 100, ref: m.ref && Math.round(m.ref * 100) / 100 }])),
  };
  writeFileSync(BASELINE, `${JSON.stringify({ date: new Date().toISOString(), load: loadAtStart, cpus: os.cpus().length, measures: kept }, null, 2)}\n`);
  console.log(`figures saved to tools/bench/baseline.json (${fmt(performance.now() - started)} in all)`);
}
