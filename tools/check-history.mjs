#!/usr/bin/env node
// Checks the plan against history: reads a Cargo workspace's manifests at the parent of a
// release commit in a git repository (git objects only, no checkout), plans the bump with the
// plugin's core, and compares every package version and path requirement with what the
// commit really wrote. Prints the facts compared and each disagreement (file:line), and exits
// 1 when there is one, 2 when the plan is refused.
//
//   npm run build
//   node tools/check-history.mjs <repo> <commit> [--bump=major|minor|patch] [--preset=wasmtime]
//        [--options=settings.json] [--root=path/in/repo]
//
// It reads and plans exactly as the commands do (commands/steps/snapshot.ts: the same
// snapshot, line history from the repository's tags, and planner), so a refusal of the
// command is a refusal here. --bump defaults to what the commit did to the release's version
// (a new major, or 0.M minor, is `major`; a new minor of an N >= 1 line `minor`; else `patch`). --options is a JSON file of plugin options (as in nx.json),
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
const { formatProblems, PlanError } = await import(join(dist, 'core/version/index.js'));
const { primaryVersion } = await import(join(dist, 'core/version/lines.js'));
const { ReleaseError } = await import(join(dist, 'core/errors.js'));
// The commands' own reading and planning (commands/steps/snapshot.ts): one code path, so the
// checker and the commands cannot disagree on what a release moves.
const { snapshot, planAt, currentVersion } = await import(join(dist, 'commands/steps/snapshot.js'));
const { checkAgainstCommit } = await import(join(dist, 'core/version/history.js'));

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const [repoDir, commit] = args.filter((a) => !a.startsWith('--'));
if (!repoDir || !commit)
  fail('usage: node tools/check-history.mjs <repo> <commit> [--bump=major|minor|patch] [--preset=wasmtime] [--options=file.json] [--root=dir]');

const preset = flag('preset');
if (preset !== undefined && preset !== 'wasmtime') fail(`unknown preset "${preset}" (known: wasmtime)`);
const extra = flag('options') ? JSON.parse(readFileSync(flag('options'), 'utf8')) : {};
const { options, problems } = resolveOptions({ ...(preset ? wasmtimePreset : {}), ...extra });
if (problems.length > 0) fail(problems.map((p) => `${p.setting}: ${p.message} (fix: ${p.fix})`).join('\n'));

const root = (flag('root') ?? '').replace(/\/+$/, '');
const prefix = root ? `${root}/` : '';
const git = new Git(resolve(repoDir));

/** Refusals the commands make (ReleaseError, PlanError) end the check with exit 2. */
async function asTheCommand(run) {
  try {
    return await run();
  } catch (e) {
    if (e instanceof PlanError) fail(`the plan is refused:\n${formatProblems(e.problems)}`);
    if (e instanceof ReleaseError) fail(`the command would refuse: ${e.message}${e.fix ? ` (fix: ${e.fix})` : ''}`);
    throw e;
  }
}

const parent = await asTheCommand(async () => snapshot(git, (await git.resolve(`${commit}^`)) ?? `${commit}^`, options, root));
const child = await asTheCommand(async () => snapshot(git, (await git.resolve(commit)) ?? commit, options, root));
const from = await asTheCommand(async () => currentVersion(parent));
const to = primaryVersion(child.workspace, options);
let bump = flag('bump');
if (!bump) {
  if (!to) fail('cannot tell the release version after the commit; pass --bump=major|minor|patch');
  const [a, b] = [from, to].map((v) => v.split(/[-+]/)[0].split('.').map(Number));
  bump = a[0] !== b[0] || (a[0] === 0 && a[1] !== b[1]) ? 'major' : a[1] !== b[1] ? 'minor' : 'patch';
}
if (!['major', 'minor', 'patch'].includes(bump)) fail(`--bump=${bump}: use major, minor or patch`);

const plan = await asTheCommand(async () =>
  bump === 'minor' ? planAt(parent, options, 'major', undefined, 'minor') : planAt(parent, options, bump, '2000-01-01'),
);
const planned = new Map(plan.edits.map((e) => [e.file, e.after]));
const manifests = [...parent.files.keys()].filter((p) => p === 'Cargo.toml' || p.endsWith('/Cargo.toml'));
const result = checkAgainstCommit(manifests, {
  before: (f) => parent.files.get(f),
  planned: (f) => planned.get(f) ?? parent.files.get(f),
  actual: (f) => child.files.get(f),
});

console.log(`${repoDir} ${commit}: ${bump} bump, ${from ?? '?'} -> ${plan.primary?.to ?? '?'} planned, ${to ?? '?'} in the commit`);
for (const line of plan.lines) console.log(`  line ${line.line}: ${line.from} -> ${line.to} (${line.crates.length} crates): ${line.reason}`);
for (const line of plan.staying) console.log(`  line ${line.line} stays at ${line.version}: ${line.reason}`);
console.log(`  ${result.checked} version facts compared (${result.changedByCommit} changed by the commit), ${plan.warnings.length} warnings`);
for (const m of result.mismatches) console.log(`  MISMATCH ${prefix}${m.file}:${m.line}: ${m.what}: planned "${m.planned}", the commit wrote "${m.actual}"`);
if (result.mismatches.length > 0) process.exit(1);
console.log('  the plan matches the commit');
