// npm run bench:version — plan + apply (to a temp copy) of the monthly cut on the cut-45
// fixture, median of repeated runs, and the wall time of the whole `nx release-major --dry-run`.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fmt, table, timeMedian } from './stats.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const dist = (p) => require(join(repo, 'packages/nx-release-train/dist', p));
const { buildWorkspace } = dist('core/workspace.js');
const { findManifests, readText } = dist('effects/workspace-fs.js');
const { planVersions, filesToRead } = dist('core/version/index.js');
const { resolveOptions } = dist('core/settings/options.js');
const { writeFilesAtomic } = dist('effects/files.js');
const { wasmtimePreset } = dist('presets/wasmtime.js');

const fixture = resolve(repo, 'fixtures/wasmtime/cut-45/before/tree');
const options = resolveOptions(wasmtimePreset).options;
const copy = mkdtempSync(join(tmpdir(), 'nrt-bench-version-'));
cpSync(fixture, copy, { recursive: true });

/** What the command does before writing: read the manifests, model the workspace, plan. */
function planCut() {
  const ws = buildWorkspace({ manifests: findManifests(copy), read: (p) => readText(copy, p) });
  const files = new Map();
  for (const p of filesToRead(ws, options)) {
    const t = readText(copy, p);
    if (t !== null) files.set(p, t);
  }
  return planVersions({ workspace: ws, files, options, bump: 'major' });
}

// The pure planner alone, on input read once (what the unit tests used to time).
const prepared = (() => {
  const ws = buildWorkspace({ manifests: findManifests(copy), read: (p) => readText(copy, p) });
  const files = new Map();
  for (const p of filesToRead(ws, options)) {
    const t = readText(copy, p);
    if (t !== null) files.set(p, t);
  }
  return { workspace: ws, files, options, bump: 'major' };
})();
const plannerOnly = await timeMedian(() => planVersions(prepared), { runs: 30, warmup: 5 });

let edits = 0;
const planOnly = await timeMedian(
  () => {
    edits = planCut().edits.length;
  },
  { runs: 30, warmup: 5 },
);

let restore = new Map();
const full = await timeMedian(
  () => {
    const plan = planCut();
    writeFilesAtomic(copy, new Map(plan.edits.map((e) => [e.file, e.after])));
    restore = new Map(plan.edits.map((e) => [e.file, e.before]));
  },
  {
    runs: 30,
    warmup: 5,
    // Put the before texts back (untimed) so every run plans the same cut.
    setup: () => writeFilesAtomic(copy, restore),
  },
);

// The whole command through nx, on a git repository of the fixture.
const dir = mkdtempSync(join(tmpdir(), 'nrt-bench-nx-'));
cpSync(fixture, dir, { recursive: true });
writeFileSync(join(dir, 'nx.json'), JSON.stringify({ plugins: [{ plugin: 'nx-release-train', options: wasmtimePreset }], useDaemonProcess: false }));
writeFileSync(join(dir, '.gitignore'), 'node_modules\n.nx\n');
symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@example.invalid',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@example.invalid',
};
for (const args of [
  ['init', '-q', '-b', 'main'],
  ['add', '-A'],
  ['commit', '-q', '-m', 'init'],
])
  spawnSync('git', args, { cwd: dir, env: gitEnv });
const env = { ...gitEnv, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const nxDry = await timeMedian(
  () => {
    const r = spawnSync(process.execPath, [join(repo, 'node_modules/nx/dist/bin/nx.js'), 'release-major', '--dry-run'], { cwd: dir, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  },
  { runs: 5, warmup: 1 },
);
rmSync(dir, { recursive: true, force: true });
rmSync(copy, { recursive: true, force: true });

console.log(`version benchmark (cut-45 fixture, monthly cut, ${edits} files edited; medians)\n`);
console.log(
  table([
    ['what', 'median', 'min', 'runs'],
    ['planVersions alone (input already read)', fmt(plannerOnly.median), fmt(plannerOnly.min), plannerOnly.runs],
    ['plan (read manifests, model, plan)', fmt(planOnly.median), fmt(planOnly.min), planOnly.runs],
    ['plan + apply to a temp copy (24 atomic writes)', fmt(full.median), fmt(full.min), full.runs],
    ['nx release-major --dry-run (whole command)', fmt(nxDry.median), fmt(nxDry.min), nxDry.runs],
  ]),
);
console.log(
  `\ngoal: planVersions alone under 50 ms -> ${plannerOnly.median < 50 ? 'met' : 'NOT met'} (${fmt(plannerOnly.median)}; ${((plannerOnly.median / planOnly.median) * 100).toFixed(0)}% of reading + modelling + planning)`,
);
console.log(`goal: plan + apply under 50 ms -> ${full.median < 50 ? 'met' : 'NOT met'} (${fmt(full.median)})`);
console.log(`share of the nx command spent planning and writing: ${((full.median / nxDry.median) * 100).toFixed(1)}%`);
