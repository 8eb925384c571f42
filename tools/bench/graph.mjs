// npm run bench:graph — the plugin's graph on the cut-45 fixture (96 members) in-process:
// cold (what createNodesV2 computes from Nx's list of manifests with no cache: read every
// manifest, look for members behind links where the members patterns point, parse, model,
// projects, edges; Nx's own walk of the tree is Nx's, before the plugin is called) and with
// nothing changed (createNodesV2 + createDependencies as Nx calls them, the model and checked
// options cached), beside
// `cargo metadata --no-deps --offline` on the same tree (sources stubbed) measured in the same run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fmt, table, timeMedian } from './stats.mjs';
import { isMain, repo } from './workspace.mjs';

const require = createRequire(import.meta.url);
const dist = (p) => require(join(repo, 'packages/nx-release-train/dist', p));
export const CUT_45 = join(repo, 'fixtures/wasmtime/cut-45/before/tree');

/** A copy of `tree` that cargo can read: every member gets an empty src/lib.rs and build.rs. */
function stubbed(tree, manifests) {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-bench-stub-'));
  cpSync(tree, dir, { recursive: true });
  for (const m of manifests) {
    mkdirSync(join(dir, dirname(m), 'src'), { recursive: true });
    writeFileSync(join(dir, dirname(m), 'src/lib.rs'), '');
    writeFileSync(join(dir, dirname(m), 'build.rs'), 'fn main() {}\n');
  }
  return dir;
}

export async function benchGraph({ runs = 30 } = {}) {
  const { projectsFor } = dist('graph/nodes.js');
  const { edgesOf } = dist('graph/dependencies.js');
  const { findManifests, readText } = dist('effects/workspace-fs.js');
  const { linkedMemberManifests } = dist('effects/linked-members.js');
  const { buildWorkspace } = dist('core/workspace.js');
  const { DEFAULT_OPTIONS } = dist('core/settings/options.js');
  const plugin = dist('index.js');
  // What Nx hands createNodesV2: its list of the Cargo.toml files (links not followed).
  const manifests = findManifests(CUT_45);

  const cold = await timeMedian(
    () => {
      const texts = new Map(manifests.map((f) => [f, readText(CUT_45, f)]));
      const model = buildWorkspace({
        manifests,
        read: (p) => (texts.has(p) ? texts.get(p) : readText(CUT_45, p)),
        linkedMembers: (rootDir, patterns) => linkedMemberManifests(CUT_45, rootDir, patterns, new Set(manifests)),
      });
      projectsFor(model, DEFAULT_OPTIONS);
      edgesOf(model);
    },
    { runs, warmup: 5 },
  );

  // What Nx calls on every command: the manifests are read and hashed, nothing is parsed.
  const data = mkdtempSync(join(tmpdir(), 'nrt-bench-data-'));
  process.env.NX_WORKSPACE_DATA_DIRECTORY = data;
  let projects = 0;
  let edges = 0;
  const cached = await timeMedian(
    async () => {
      const results = await plugin.createNodesV2[1](manifests, undefined, { workspaceRoot: CUT_45, nxJsonConfiguration: {} });
      const byName = Object.fromEntries(results.flatMap(([, r]) => Object.values(r.projects)).map((p) => [p.name, p]));
      projects = Object.keys(byName).length;
      edges = plugin.createDependencies(undefined, { workspaceRoot: CUT_45, projects: byName }).length;
    },
    { runs, warmup: 3 },
  );
  delete process.env.NX_WORKSPACE_DATA_DIRECTORY;
  rmSync(data, { recursive: true, force: true });

  const stub = stubbed(CUT_45, manifests);
  const cargo = await timeMedian(
    () => {
      const r = spawnSync('cargo', ['metadata', '--no-deps', '--offline', '--format-version', '1'], { cwd: stub, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
    },
    { runs: Math.max(3, Math.round(runs / 5)), warmup: 1 },
  );
  rmSync(stub, { recursive: true, force: true });
  return { projects, edges, cold, cached, cargo };
}

if (isMain(import.meta.url)) {
  const r = await benchGraph();
  console.log(`graph benchmark (cut-45 fixture: ${r.projects} projects, ${r.edges} edges; medians)\n`);
  console.log(
    table([
      ['what', 'median', 'min', 'runs'],
      ['graph in-process, cold (parse all manifests)', fmt(r.cold.median), fmt(r.cold.min), r.cold.runs],
      ['graph in-process, nothing changed (createNodesV2 + createDependencies)', fmt(r.cached.median), fmt(r.cached.min), r.cached.runs],
      ['cargo metadata --no-deps --offline, same tree', fmt(r.cargo.median), fmt(r.cargo.min), r.cargo.runs],
    ]),
  );
  console.log(`\ngoal: cold < 8 ms -> ${r.cold.median < 8 ? 'met' : 'NOT met'}; nothing changed < 1 ms -> ${r.cached.median < 1 ? 'met' : 'NOT met'}`);
  console.log(`cargo metadata / our cold graph: ${(r.cargo.median / r.cold.median).toFixed(0)}x`);
}
