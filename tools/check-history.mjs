#!/usr/bin/env node
// Checks the plan against history: reads a Cargo workspace's manifests at the parent of a
// release commit in a git repository (git objects only, no checkout), plans the bump with the
// plugin's core, and compares every package version and path requirement with what the
// commit really wrote. Prints the facts compared and each disagreement (file:line), and exits
// 1 when there is one, 2 when the plan is refused.
//
//   npm run build
//   node tools/check-history.mjs <repo> <commit> [--bump=major|patch] [--preset=wasmtime]
//        [--options=settings.json] [--root=path/in/repo]
//
// --bump defaults to what the commit did to the release's version (a new major, or 0.M minor,
// is `major`; otherwise `patch`). --options is a JSON file of plugin options (as in nx.json),
// applied over the preset. --root: a workspace in a subdirectory of the repository.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'packages/nx-release-train/dist');

function fail(message, code = 2) {
  console.error(`check-history: ${message}`);
  process.exit(code);
}

if (!existsSync(join(dist, 'index.js'))) fail('the plugin is not built: run `npm run build` first');
const { Git } = await import(join(dist, 'effects/git.js'));
const { resolveOptions } = await import(join(dist, 'core/settings/options.js'));
const { wasmtimePreset } = await import(join(dist, 'presets/wasmtime.js'));
const { buildWorkspace } = await import(join(dist, 'core/workspace.js'));
const { filesToRead, planVersions, formatProblems, PlanError } = await import(join(dist, 'core/version/index.js'));
const { primaryVersion } = await import(join(dist, 'core/version/lines.js'));
const { compatLine } = await import(join(dist, 'core/release-line.js'));
const { checkAgainstCommit } = await import(join(dist, 'core/version/history.js'));

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const [repoDir, commit] = args.filter((a) => !a.startsWith('--'));
if (!repoDir || !commit)
  fail('usage: node tools/check-history.mjs <repo> <commit> [--bump=major|patch] [--preset=wasmtime] [--options=file.json] [--root=dir]');

const preset = flag('preset');
if (preset !== undefined && preset !== 'wasmtime') fail(`unknown preset "${preset}" (known: wasmtime)`);
const extra = flag('options') ? JSON.parse(readFileSync(flag('options'), 'utf8')) : {};
const { options, problems } = resolveOptions({ ...(preset ? wasmtimePreset : {}), ...extra });
if (problems.length > 0) fail(problems.map((p) => `${p.setting}: ${p.message} (fix: ${p.fix})`).join('\n'));

const root = (flag('root') ?? '').replace(/\/+$/, '');
const prefix = root ? `${root}/` : '';
const git = new Git(resolve(repoDir));

/** Every manifest of the workspace at `rev`, and the files the planner reads, relative to the root. */
async function readTree(rev) {
  const all = (await git.listFiles(rev)).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  const manifests = all.filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'));
  const read = async (paths) => {
    const texts = await git.readFiles(
      rev,
      paths.map((p) => prefix + p),
    );
    return new Map([...texts].map(([p, t]) => [p.slice(prefix.length), t]));
  };
  const texts = await read(manifests);
  const workspace = buildWorkspace({ manifests, read: (p) => texts.get(p) ?? null });
  const wanted = filesToRead(workspace, options).filter((p) => !texts.has(p) && all.includes(p));
  return { workspace, manifests, files: new Map([...texts, ...(await read(wanted))]) };
}

const parent = await readTree(`${commit}^`);
const child = await readTree(commit);
const from = primaryVersion(parent.workspace, options);
const to = primaryVersion(child.workspace, options);
let bump = flag('bump');
if (!bump) {
  if (!from || !to) fail('cannot tell the release version before or after the commit; pass --bump=major|patch');
  bump = compatLine(from) === compatLine(to) ? 'patch' : 'major';
}
if (bump !== 'major' && bump !== 'patch') fail(`--bump=${bump}: use major or patch`);

let plan;
try {
  plan = planVersions({ workspace: parent.workspace, files: parent.files, options, bump, date: '2000-01-01' });
} catch (e) {
  if (e instanceof PlanError) fail(`the plan is refused:\n${formatProblems(e.problems)}`);
  throw e;
}
const planned = new Map(plan.edits.map((e) => [e.file, e.after]));
const result = checkAgainstCommit(parent.manifests, {
  before: (f) => parent.files.get(f),
  planned: (f) => planned.get(f) ?? parent.files.get(f),
  actual: (f) => child.files.get(f),
});

console.log(`${repoDir} ${commit}: ${bump} bump, ${from ?? '?'} -> ${plan.primary?.to ?? '?'} planned, ${to ?? '?'} in the commit`);
for (const line of plan.lines) console.log(`  line ${line.line}: ${line.from} -> ${line.to} (${line.crates.length} crates)`);
console.log(`  ${result.checked} version facts compared (${result.changedByCommit} changed by the commit), ${plan.warnings.length} warnings`);
for (const m of result.mismatches) console.log(`  MISMATCH ${prefix}${m.file}:${m.line}: ${m.what}: planned "${m.planned}", the commit wrote "${m.actual}"`);
if (result.mismatches.length > 0) process.exit(1);
console.log('  the plan matches the commit');
