/**
 * What each command reads from the environment (its `env` declaration, core/env-reads.ts) is
 * what its `resolve` reads, and every step of the generated workflow that runs a command gives
 * it every variable it needs and nothing it does not read. Commands are found through
 * executors.json and workflow steps by what they run, so a new command or job is checked too.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import executorsJson from '../../executors.json';
import type { Command } from '../commands/command';
import { ciWorkflow } from '../core/ci-workflow';
import { ciWorkflowOptions } from '../core/ci-workflow-settings';
import { declares, type EnvReads } from '../core/env-reads';
import { parseFlags, type FlagSchema } from '../core/flags/define';
import { resolveOptions } from '../core/settings/options';
import { wasmtimePreset } from '../presets/wasmtime';

type AnyCommand = Command<Record<string, unknown>, unknown>;
interface Found {
  command: AnyCommand;
  flagSchema: FlagSchema;
}

/** Every command an executor runs, by target name. */
async function commands(): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  for (const name of Object.keys(executorsJson.executors)) {
    const mod = (await import(`./${name}/executor.ts`)) as { default: Partial<Found> };
    if (mod.default.command && mod.default.flagSchema) found.set(name, mod.default as Found);
  }
  return found;
}

const optionsOf = (raw: Record<string, unknown>) => {
  const { options, problems } = resolveOptions(raw);
  expect(problems).toEqual([]);
  return options;
};

/** Settings that rename every variable they can, so no name is right by accident. */
const RENAMED = { githubTokenEnv: 'TRAIN_GITHUB_TOKEN', yankTokenVariable: 'TRAIN_YANK_TOKEN', registry: 'my-reg' };

/**
 * An environment that records the names read one by one; values read by enumerating it (a
 * prefix filter) are found by their unique value in the request.
 */
function recordingEnv(names: string[]) {
  const base = Object.fromEntries(names.map((n) => [n, `value-of-${n}`]));
  const read = new Set<string>();
  let described: string | symbol | undefined;
  const env = new Proxy(base, {
    getOwnPropertyDescriptor(target, key) {
      described = key;
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    get(target, key) {
      // Object.entries and spreads ask for the descriptor first: that is enumeration, traced by value.
      if (typeof key === 'string' && key !== described) read.add(key);
      described = undefined;
      return Reflect.get(target, key);
    },
  });
  const readIn = (request: unknown) => {
    const text = JSON.stringify(request) ?? '';
    return [...read, ...names.filter((n) => text.includes(`value-of-${n}`))];
  };
  return { env, readIn };
}

const PROBES = [
  'PATH',
  'HOME',
  'CARGO_HOME',
  'CARGO_REGISTRY_TOKEN',
  'CARGO_REGISTRIES_MY_REG_TOKEN',
  'CARGO_REGISTRIES_MY_REG_INDEX',
  'CARGO_YANK_TOKEN',
  'TRAIN_YANK_TOKEN',
  'GITHUB_TOKEN',
  'TRAIN_GITHUB_TOKEN',
  'GH_TOKEN',
  'RELEASE_TOKEN',
  'BINDINGS_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'NX_CACHE_DIRECTORY',
];

describe('what each command reads from the environment', () => {
  it('every executor runs a command with a declaration', async () => {
    const found = await commands();
    // nx-release-publish hands its options to the publish executor.
    expect([...found.keys()].sort()).toEqual(
      Object.keys(executorsJson.executors)
        .filter((n) => n !== 'nx-release-publish')
        .sort(),
    );
  });

  it('resolve reads only what the command declares, for default flags and every switch on', async () => {
    for (const [name, { command, flagSchema }] of await commands()) {
      const defaults = parseFlags(flagSchema, {}) as Record<string, unknown>;
      const switches = Object.keys(defaults).filter((k) => typeof defaults[k] === 'boolean');
      for (const raw of [{}, Object.fromEntries(switches.map((k) => [k, true]))]) {
        for (const settings of [{}, RENAMED]) {
          const flags = parseFlags(flagSchema, raw) as Record<string, unknown>;
          const options = optionsOf(settings);
          const { env, readIn } = recordingEnv(PROBES);
          const request = command.resolve({ flags, options, env, root: '/ws', project: { name: 'a', root: 'a' }, graph: {} });
          const reads = command.env({ flags, options });
          const undeclared = readIn(request).filter((n) => !declares(reads, n));
          expect({ name, raw, settings, undeclared }).toEqual({ name, raw, settings, undeclared: [] });
        }
      }
    }
  });
});

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** What GitHub's runner sets in every job (docs: "Default environment variables"); the OIDC pair with `id-token: write`. */
const RUNNER = [
  'CI',
  'HOME',
  'PATH',
  'GITHUB_REPOSITORY',
  'GITHUB_SERVER_URL',
  'GITHUB_API_URL',
  'GITHUB_ACTOR',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_REF',
  'GITHUB_SHA',
];
const OIDC = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** Nx's own run-many options: not the target's flags. */
const RUN_MANY = new Set(['parallel', 'projects', 'exclude', 'configuration', 'skipNxCache', 'outputStyle']);

/** Each command a `run` script calls through nx (a target or run-many) or the plugin's own CLI, with its flags. */
function invocations(script: string): Array<{ target: string; flags: Record<string, unknown> }> {
  const calls = [];
  for (const line of script.split('\n')) {
    const m = /\bnpx (?:nx run-many (?:-t|--targets?)[ =]([a-z-]+)|nx ([a-z-]+)|nx-release-train ([a-z-]+))(.*)$/.exec(line);
    if (!m) continue;
    const flags: Record<string, unknown> = {};
    for (const word of m[4].match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g) ?? []) {
      const f = /^--([a-zA-Z-]+)(?:=(.*))?$/.exec(word.replace(/["']/g, ''));
      if (f && !(m[1] && RUN_MANY.has(camel(f[1])))) flags[camel(f[1])] = f[2] ?? true;
    }
    calls.push({ target: m[1] ?? m[2] ?? m[3], flags });
  }
  return calls;
}

/** Every step that runs a command: the environment the workflow gives it (workflow, job, step) and what GitHub's runner adds. */
function commandSteps(wf: Workflow) {
  return Object.entries(wf.jobs).flatMap(([job, j]) => {
    const permissions = j.permissions ?? wf.permissions ?? {};
    return j.steps.flatMap((step) =>
      invocations(step.run ?? '').map((call) => {
        const given = Object.keys({ ...wf.env, ...j.env, ...step.env });
        const runner = [...RUNNER, ...(permissions['id-token'] === 'write' ? OIDC : [])];
        return { where: `job ${job}, step "${step.name ?? step.run}"`, job, script: step.run ?? '', given, available: [...given, ...runner], ...call };
      }),
    );
  });
}

const WORKFLOWS: Record<string, Record<string, unknown>> = {
  'default settings': {},
  'the wasmtime preset': wasmtimePreset as Record<string, unknown>,
  'renamed variables': { ...RENAMED, bindings: { repos: [{ url: 'https://github.com/o/binding', name: 'b', rules: [] }] } },
};

const missingOf = (reads: EnvReads, available: string[]) => [
  ...reads.required.filter((n) => !available.includes(n)),
  ...((reads.anyOf ?? []).length && !reads.anyOf!.some((group) => group.every((n) => available.includes(n)))
    ? [`one of ${reads.anyOf!.map((g) => g.join('+')).join(' | ')}`]
    : []),
];

describe.each(Object.entries(WORKFLOWS))('the generated workflow with %s', (_, settings) => {
  const wf = parse(ciWorkflow(ciWorkflowOptions(optionsOf(settings), {}))) as Workflow;

  it('gives every command it runs each variable the command needs, and none the command does not read', async () => {
    const found = await commands();
    const steps = commandSteps(wf);
    expect(steps.length).toBeGreaterThan(5);
    for (const s of steps) {
      const c = found.get(s.target);
      expect({ where: s.where, command: s.target, known: Boolean(c) }).toEqual({ where: s.where, command: s.target, known: true });
      const reads = c!.command.env({ flags: parseFlags(c!.flagSchema, s.flags) as Record<string, unknown>, options: optionsOf(settings) });
      // A variable the script itself uses ($BRANCH) is the script's; anything else must be the command's.
      const unknown = s.given.filter((n) => !declares(reads, n) && !new RegExp(`\\$\\{?${n}\\b`).test(s.script));
      expect({ where: s.where, missing: missingOf(reads, s.available), unknown }).toEqual({ where: s.where, missing: [], unknown: [] });
    }
  });

  it('shows publish-plan the authentication the upload in its job uses', () => {
    const steps = commandSteps(wf);
    const tokens = (given: string[]) => given.filter((n) => /TOKEN/.test(n)).sort();
    for (const plan of steps.filter((s) => s.target === 'publish-plan')) {
      for (const upload of steps.filter((s) => s.target === 'publish' && s.job === plan.job)) {
        expect({ where: plan.where, tokens: tokens(plan.given) }).toEqual({ where: plan.where, tokens: tokens(upload.given) });
      }
    }
  });
});
