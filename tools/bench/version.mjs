// npm run bench:version — plan + apply (to a temp copy) of the monthly cut on the cut-45
// fixture, median of repeated runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fmt, table, timeMedian } from './stats.mjs';
import { isMain, repo } from './workspace.mjs';
import { CUT_45 } from './graph.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(join(repo, 'packages/nx-release-train/dist', p));

export async function benchVersion({ runs = 30 } = {}) {
  const { buildWorkspace } = dist('core/workspace.js');
  const { findManifests, readText } = dist('effects/workspace-fs.js');
  const { planVersions, filesToRead } = dist('core/version/index.js');
  const { resolveOptions } = dist('core/settings/options.js');
  const { writeFilesAtomic } = dist('effects/files.js');
  const { wasmtimePreset } = dist('presets/wasmtime.js');
  const options = resolveOptions(wasmtimePreset).options;
  const copy = mkdtempSync(join(tmpdir(), 'nrt-bench-version-'));
  cpSync(CUT_45, copy, { recursive: true });

  /**
   * What the command reads before planning (commands/steps/snapshot.ts): every manifest once,
   * modelled, then only the files the plan edits that are not manifests (Cargo.lock, version
   * files, release notes). Reading the manifests a second time for the planner was a tenth of
   * this measure and no command does it.
   */
  const readInput = () => {
    const files = new Map();
    const read = (p) => {
      if (!files.has(p)) files.set(p, readText(copy, p));
      return files.get(p);
    };
    const workspace = buildWorkspace({ manifests: findManifests(copy), read });
    for (const p of filesToRead(workspace, options)) read(p);
    for (const [p, t] of files) if (t === null) files.delete(p);
    return { workspace, files, options, bump: 'major' };
  };

  const prepared = readInput();
  const plannerOnly = await timeMedian(() => planVersions(prepared), { runs, warmup: 5 });
  let edits = 0;
  let restore = new Map();
  const planApply = await timeMedian(
    async () => {
      const plan = planVersions(readInput());
      edits = plan.edits.length;
      await writeFilesAtomic(copy, new Map(plan.edits.map((e) => [e.file, e.after])));
      restore = new Map(plan.edits.map((e) => [e.file, e.before]));
    },
    // Put the before texts back (untimed) so every run plans the same cut.
    { runs, warmup: 5, setup: () => writeFilesAtomic(copy, restore) },
  );
  rmSync(copy, { recursive: true, force: true });
  return { edits, plannerOnly, planApply };
}

if (isMain(import.meta.url)) {
  const r = await benchVersion();
  console.log(`version benchmark (cut-45 fixture, monthly cut, ${r.edits} files edited; medians)\n`);
  console.log(
    table([
      ['what', 'median', 'min', 'runs'],
      ['planVersions alone (input already read)', fmt(r.plannerOnly.median), fmt(r.plannerOnly.min), r.plannerOnly.runs],
      ['plan + apply (read, model, plan, atomic writes to a temp copy)', fmt(r.planApply.median), fmt(r.planApply.min), r.planApply.runs],
    ]),
  );
  console.log(`\ngoal: plan + apply < 20 ms -> ${r.planApply.median < 20 ? 'met' : 'NOT met'} (${fmt(r.planApply.median)})`);
  console.log('the whole `nx release-major --dry-run` beside Nx running a no-op target: npm run bench (tools/bench/startup.mjs)');
}
