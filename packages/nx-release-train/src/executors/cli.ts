#!/usr/bin/env node
/**
 * `npx nx-release-train <command> [--flag=value ...]`: the workspace-root commands without Nx.
 * A release branch cut before the plugin was adopted has no nx.json, so `nx release-tag` cannot
 * run there (Nx: "Both project and target have to be specified"), yet CI's tag job checks that
 * branch out. This entry runs the very same executor (flags checked by its schema, settings,
 * services, one printer); the settings come from nx.json here or, with `--settings-from=<rev>`,
 * from nx.json at that git revision (e.g. `origin/main`). Without either it refuses: guessing
 * the tag pattern or the marker could tag the wrong commit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ExecutorContext } from '@nx/devkit';
import { formatFailure } from '../core/errors';
import { PLUGIN_NAME } from '../core/plugin-name';
import type { PluginEntry } from '../core/settings/nx-json';
import { ReleaseError } from '../core/release';
import { Git } from '../effects/git';
import { executorEntries, flagsJson, packageRoot } from './flags-json';

interface FlagProperty {
  type?: string;
  description?: string;
}

const executors = executorEntries();
/** The commands of the workspace root; per-crate targets (publish, verify) need Nx's task graph. */
const PER_CRATE = new Set(['publish', 'verify', 'nx-release-publish']);
const commands = Object.keys(executors).filter((name) => !PER_CRATE.has(name));

function usage(): string {
  const width = Math.max(...commands.map((c) => c.length));
  return [
    `usage: ${PLUGIN_NAME} <command> [--flag=value ...] [--settings-from=<git rev>]`,
    '',
    'The workspace-root commands without Nx (e.g. on a release branch with no nx.json). Settings come',
    'from ./nx.json, or from nx.json at <git rev> with --settings-from. `<command> --help` lists its flags.',
    '',
    ...commands.map((c) => `  ${c.padEnd(width)}  ${executors[c].description}`),
  ].join('\n');
}

function flagHelp(name: string, properties: Record<string, FlagProperty>): string {
  const lines = Object.entries(properties).map(([flag, p]) => `  --${flag}${p.type === 'boolean' ? '' : '=<value>'}  ${p.description ?? ''}`);
  return [`usage: ${PLUGIN_NAME} ${name} [flags]`, '', executors[name].description, '', ...lines].join('\n');
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `--a=b`, `--a b`, `--flag`, `--no-flag`, kebab or camel case, typed by the executor's schema.json. */
export function flagsOf(args: string[], properties: Record<string, FlagProperty>): Record<string, unknown> {
  const { values, positionals } = parseArgs({ args, strict: false, allowPositionals: true });
  if (positionals.length) throw new ReleaseError(`unexpected argument ${JSON.stringify(positionals[0])}`, 'give flags as --name=value');
  const flags: Record<string, unknown> = {};
  for (const [raw, value] of Object.entries(values)) {
    const negated = raw.startsWith('no-') && properties[camel(raw.slice(3))]?.type === 'boolean';
    const key = camel(negated ? raw.slice(3) : raw);
    const type = properties[key]?.type;
    if (negated) flags[key] = false;
    else if (type === 'boolean' && typeof value === 'string') flags[key] = value === 'true' ? true : value === 'false' ? false : value;
    else if (type === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) flags[key] = Number(value);
    else flags[key] = value;
  }
  return flags;
}

/** nx.json's plugin entry: from the working tree, or from `rev` when given. */
async function nxJsonOf(root: string, rev: string | undefined): Promise<{ plugins?: PluginEntry[] }> {
  if (rev !== undefined) {
    const text = (await new Git(root).readFiles(rev, ['nx.json'])).get('nx.json');
    if (text === undefined)
      throw new ReleaseError(`there is no nx.json at ${rev}`, 'give --settings-from a revision that has the plugin settings, e.g. origin/main');
    return parseNxJson(text, `nx.json at ${rev}`);
  }
  const file = join(root, 'nx.json');
  if (!existsSync(file))
    throw new ReleaseError(
      `there is no nx.json in ${root}, so the release settings (tag pattern, marker, ...) are unknown`,
      'pass --settings-from=<git rev> to read them from that revision, e.g. --settings-from=origin/main',
    );
  return parseNxJson(readFileSync(file, 'utf8'), 'nx.json');
}

function parseNxJson(text: string, where: string): { plugins?: PluginEntry[] } {
  let json: { plugins?: PluginEntry[] };
  try {
    json = JSON.parse(text) as { plugins?: PluginEntry[] };
  } catch (err) {
    throw new ReleaseError(`${where} is not JSON: ${(err as Error).message}`, 'correct its syntax');
  }
  if (!(json.plugins ?? []).some((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME))
    throw new ReleaseError(
      `${where} does not register ${PLUGIN_NAME}`,
      `run \`nx g ${PLUGIN_NAME}:init\` there, or point --settings-from at a revision that has it`,
    );
  return json;
}

async function workspaceRoot(cwd: string): Promise<string> {
  const git = new Git(cwd);
  return (await git.isRepo()) ? (await git.out(['rev-parse', '--show-toplevel'])).trim() : cwd;
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 1;
  }
  try {
    if (!commands.includes(name))
      throw new ReleaseError(
        `unknown command "${name}"`,
        `use one of: ${commands.join(', ')}${PER_CRATE.has(name) ? ` (${name} runs per crate through nx)` : ''}`,
      );
    const entry = executors[name];
    const properties: Record<string, FlagProperty> = flagsJson(name).properties;
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(flagHelp(name, properties));
      return 0;
    }
    const settingsAt = rest.findIndex((a) => a === '--settings-from' || a.startsWith('--settings-from='));
    const rev = settingsAt < 0 ? undefined : rest[settingsAt].includes('=') ? rest[settingsAt].split('=').slice(1).join('=') : rest[settingsAt + 1];
    const args = settingsAt < 0 ? rest : rest.filter((_, i) => i !== settingsAt && !(i === settingsAt + 1 && !rest[settingsAt].includes('=')));
    const root = await workspaceRoot(cwd);
    const nxJson = await nxJsonOf(root, rev);
    const context = {
      root,
      cwd,
      isVerbose: false,
      nxJsonConfiguration: nxJson,
      projectsConfigurations: { version: 2, projects: {} },
    } as unknown as ExecutorContext;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const executor = require(join(packageRoot, entry.implementation)).default as (raw: unknown, context: ExecutorContext) => Promise<{ success: boolean }>;
    const result = await executor(flagsOf(args, properties), context);
    return result.success ? 0 : 1;
  } catch (err) {
    console.error(formatFailure(err));
    return 1;
  }
}

if (require.main === module) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
