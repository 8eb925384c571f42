import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The graph path (index.ts: createNodesV2, createDependencies) runs in every Nx command, so it
// loads only what it needs. Reads the built plugin (dist/): `npm test` builds first.
const here = __dirname;
// Never at start-up, neither for the graph nor for an executor (each loads on first use).
const ANYWHERE = [
  /node_modules\/@nx\/devkit\//, // the barrel: task runner, daemon client, plugin loader
  /node_modules\/nx\/dist\/src\/(tasks-runner|devkit-exports|daemon\/client)/,
  /node_modules\/@octokit\//,
  /node_modules\/jose\//,
  /node_modules\/tar\//,
  /node_modules\/execa\//,
];
const FORBIDDEN = [
  ...ANYWHERE,
  /node_modules\/semver\/index\.js$/, // all of semver; the graph takes single functions
  /\/dist\/(commands|executors)\//,
];
const ZOD = /node_modules\/zod\//;
// An executor loads what its command runs with, nothing the graph already checked: not the
// settings schema (zod objects built at import) nor its validation, which the graph did in the
// same Nx run (effects/run-settings.ts reads the result back).
const EXECUTOR_FORBIDDEN = [...ANYWHERE, /\/dist\/core\/settings\/(schema|options|validate|option-checks)\.js$/];
const executors = Object.keys(
  (JSON.parse(readFileSync(join(here, '../../packages/nx-release-train/executors.json'), 'utf8')) as { executors: Record<string, unknown> }).executors,
);

interface Loaded {
  projects: string[];
  modules: string[];
}
const load = (...args: string[]): Loaded => JSON.parse(execFileSync(process.execPath, [join(here, 'loaded-modules.mjs'), ...args], { encoding: 'utf8' }));
const forbidden = (modules: string[]) => modules.filter((m) => FORBIDDEN.some((f) => f.test(m)));

const ws = mkdtempSync(join(tmpdir(), 'nrt-startup-'));
afterAll(() => rmSync(ws, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(ws, file)), { recursive: true });
  writeFileSync(join(ws, file), text);
};

describe('loading the plugin for the graph', () => {
  it('loads neither the @nx/devkit barrel nor what only commands use, and zod only to check options it has not seen', () => {
    write('Cargo.toml', '[workspace]\nmembers = ["a", "b"]\n');
    write('a/Cargo.toml', '[package]\nname = "a"\nversion = "1.0.0"\n[dependencies]\nb = { path = "../b", version = "1.0.0" }\n');
    write('b/Cargo.toml', '[package]\nname = "b"\nversion = "1.0.0"\n');
    const options = JSON.stringify({ versionLines: { fixed: ['b'] } });
    const first = load(ws, options);
    expect(first.projects).toEqual(['a', 'b', 'cargo-workspace', '1 edges']);
    expect(first.modules.some((m) => ZOD.test(m))).toBe(true);
    // A run with the same nx.json options (and plugin build) reads the checked options back.
    const again = load(ws, options);
    expect(again.projects).toEqual(first.projects);
    expect(again.modules.length).toBeGreaterThan(10);
    expect(forbidden(again.modules)).toEqual([]);
    expect(again.modules.filter((m) => ZOD.test(m))).toEqual([]);
  });
});

describe('loading an executor (Nx forks a process per command and loads only its executor)', () => {
  let byExecutor: Record<string, { modules: string[] }> = {};
  beforeAll(() => {
    byExecutor = JSON.parse(execFileSync(process.execPath, [join(here, 'executor-modules.mjs')], { encoding: 'utf8' }));
  });

  it('loads neither the @nx/devkit barrel, what only other commands use, nor the settings schema', () => {
    expect(Object.keys(byExecutor).sort()).toEqual([...executors].sort());
    const found = Object.fromEntries(
      Object.entries(byExecutor).map(([name, { modules }]) => [name, modules.filter((m) => EXECUTOR_FORBIDDEN.some((f) => f.test(m)))]),
    );
    expect(found).toEqual(Object.fromEntries(executors.map((name) => [name, []])));
  });

  it('loads release-major with its own command and steps only, and no zod', () => {
    const modules = byExecutor['release-major'].modules;
    const commands = modules.filter((m) => m.includes('/dist/commands/'));
    expect(commands).toContain('packages/nx-release-train/dist/commands/release-major.js');
    expect(commands.filter((m) => !/\/commands\/(release-major|train-request|steps\/[^/]+)\.js$/.test(m))).toEqual([]);
    expect(modules.filter((m) => ZOD.test(m))).toEqual([]);
  });

  it('takes plain flags without loading zod, and refuses the rest with zod', () => {
    // As execute.ts parses them in Nx's forked process: the flag schema and the executor's schema.json.
    const parse = (raw: object) =>
      JSON.parse(
        execFileSync(
          process.execPath,
          [
            '-e',
            `const dist = ${JSON.stringify(join(here, '../../packages/nx-release-train/dist'))};
             const { releaseMajorFlags } = require(dist + '/core/flags/release-major.js');
             const { flagsJson } = require(dist + '/executors/flags-json.js');
             const { parseFlags } = require(dist + '/core/flags/define.js');
             let flags; try { flags = parseFlags(releaseMajorFlags, ${JSON.stringify(raw)}, undefined, flagsJson('release-major')); } catch (e) { flags = e.message; }
             const zod = Object.keys(require.cache).some((m) => ${ZOD}.test(m));
             console.log(JSON.stringify({ flags, zod }));`,
          ],
          { encoding: 'utf8' },
        ),
      );
    expect(parse({ dryRun: true })).toEqual({ flags: { dryRun: true, push: false, allowDirty: false }, zod: false });
    expect(parse({ dryRun: true, bump: 'patch' })).toEqual({ flags: expect.stringMatching(/^release-major: --bump: /), zod: true });
  });
});
