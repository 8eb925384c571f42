/**
 * The train commands' resolve, as tables: flags (parsed by each executor's own schema) >
 * environment > setting > default, for every command that takes the value.
 */
import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSchema } from '../core/flags/define';
import { releaseLatestFlags } from '../core/flags/release-latest';
import { releaseMajorFlags } from '../core/flags/release-major';
import { releasePatchFlags } from '../core/flags/release-patch';
import { releaseRcFlags } from '../core/flags/release-rc';
import { releaseTagFlags } from '../core/flags/release-tag';
import { DEFAULT_OPTIONS, type ReleaseTrainOptions } from '../core/settings/options';
import type { Command } from './command';
import { releaseLatestCommand } from './release-latest';
import { releaseMajorCommand } from './release-major';
import { releasePatchCommand } from './release-patch';
import { releaseRcCommand } from './release-rc';
import { releaseTagCommand } from './release-tag';
import { nxDataDirs, type TrainRequest } from './train-request';

type AnyCommand = Command<never, TrainRequest & Record<string, unknown>>;
const COMMANDS: Array<[AnyCommand, FlagSchema]> = [
  [releaseMajorCommand as unknown as AnyCommand, releaseMajorFlags],
  [releaseLatestCommand as unknown as AnyCommand, releaseLatestFlags],
  [releasePatchCommand as unknown as AnyCommand, releasePatchFlags],
  [releaseRcCommand as unknown as AnyCommand, releaseRcFlags],
  [releaseTagCommand as unknown as AnyCommand, releaseTagFlags],
];
const byName = (name: string) => COMMANDS.find(([c]) => c.name === name)!;

function resolve(name: string, flags: Record<string, unknown> = {}, env: Record<string, string> = {}, settings: Partial<ReleaseTrainOptions> = {}) {
  const [command, schema] = byName(name);
  return command.resolve({ flags: parseFlags(schema, flags) as never, options: { ...DEFAULT_OPTIONS, ...settings }, env, root: '/ws' });
}

/** The refusal's message and fix, or null when resolve succeeds. */
function refusal(name: string, flags: Record<string, unknown>, env: Record<string, string> = {}): string | null {
  try {
    resolve(name, flags, env);
    return null;
  } catch (err) {
    return `${(err as Error).message} | ${(err as { fix?: string }).fix}`;
  }
}

describe.each(COMMANDS.map(([c]) => c.name))('%s: the GitHub target of --push', (name) => {
  const github = (env: Record<string, string>, settings: Partial<ReleaseTrainOptions> = {}) => resolve(name, {}, env, settings).github;
  it.each([
    ['environment over setting', { GITHUB_REPOSITORY: 'env/repo' }, { githubRepository: 'set/repo' }, { value: 'env/repo', from: 'GITHUB_REPOSITORY' }],
    ['setting without environment', {}, { githubRepository: 'set/repo' }, { value: 'set/repo', from: 'the "githubRepository" setting' }],
    ['neither: the push remote decides later', {}, {}, null],
  ])('repository: %s', (_, env, settings, expected) => {
    expect(github(env, settings).repository).toEqual(expected);
  });

  it.each([
    ['environment over setting', { GITHUB_API_URL: 'https://ghe.example/api/v3' }, { githubApiUrl: 'https://set.example' }, 'https://ghe.example/api/v3'],
    ['setting without environment', {}, { githubApiUrl: 'https://set.example' }, 'https://set.example'],
    ['default', {}, {}, 'https://api.github.com'],
  ])('API: %s', (_, env, settings, expected) => {
    expect(github(env, settings).apiUrl).toBe(expected);
  });

  it.each([
    ['GITHUB_TOKEN by default', { GITHUB_TOKEN: 'a' }, {}, { token: 'a', tokenVar: 'GITHUB_TOKEN' }],
    [
      'the variable githubTokenEnv names, not GITHUB_TOKEN',
      { GITHUB_TOKEN: 'a', RELEASE_TOKEN: 'b' },
      { githubTokenEnv: 'RELEASE_TOKEN' },
      { token: 'b', tokenVar: 'RELEASE_TOKEN' },
    ],
    [
      'none set: refused later, naming the variable',
      { GITHUB_TOKEN: 'a' },
      { githubTokenEnv: 'RELEASE_TOKEN' },
      { token: undefined, tokenVar: 'RELEASE_TOKEN' },
    ],
  ])('token: %s', (_, env, settings, expected) => {
    expect(github(env, settings)).toMatchObject(expected);
  });

  it('switches default off and are taken from flags', () => {
    expect(resolve(name)).toMatchObject({ dryRun: false, push: false });
    expect(resolve(name, { dryRun: true, push: true })).toMatchObject({ dryRun: true, push: true });
  });
});

describe.each(['release-patch', 'release-rc', 'release-latest'])('%s: the line', (name) => {
  const target = (flags: Record<string, unknown>, env: Record<string, string> = {}) => resolve(name, flags, env).target;
  it.each([
    ['--target', { target: '4.x' }, {}, '4.x'],
    ['--target as Nx parses a number', { target: 4 }, {}, '4'],
    ['--line', { line: 'latest' }, {}, 'latest'],
    ["the hook's NX_RELEASE_TRAIN_ARG_TARGET (Nx kept --target)", {}, { NX_RELEASE_TRAIN_ARG_TARGET: '5.x' }, '5.x'],
    ['--target over the variable', { target: '4.x' }, { NX_RELEASE_TRAIN_ARG_TARGET: '5.x' }, '4.x'],
    ['--line with the variable naming the same line', { line: '5.x' }, { NX_RELEASE_TRAIN_ARG_TARGET: '5.x' }, '5.x'],
    ['--target and --line naming the same line', { target: '4.x', line: '4.x' }, {}, '4.x'],
    ['nothing: decided at run time (the branch checked out, or the newest)', {}, {}, undefined],
  ])('%s', (_, flags, env, expected) => {
    expect(target(flags, env)).toBe(expected);
  });

  it.each([
    ['--target and --line', { target: '4.x', line: '5.x' }, {}, '--target=4.x and --line=5.x name different release lines'],
    [
      '--target typed (through the hook) and --line',
      { line: '5.x' },
      { NX_RELEASE_TRAIN_ARG_TARGET: '4.x' },
      '--target=4.x and --line=5.x name different release lines',
    ],
  ])('refuses two different lines: %s', (_, flags, env, message) => {
    expect(refusal(name, flags, env)).toBe(`${message} | pass one of them (--line is another name for --target)`);
  });
});

describe.each(['release-major', 'release-latest', 'release-patch'])('%s: --date', (name) => {
  it.each([
    ['given', { date: '2026-03-20' }, '2026-03-20'],
    ["not given: the clock's today, at run time", {}, undefined],
  ])('%s', (_, flags, expected) => {
    expect(resolve(name, flags).date).toBe(expected);
  });

  it('refuses a date of the right shape that is not on the calendar', () => {
    expect(refusal(name, { date: '2026-02-30' })).toBe('--date=2026-02-30 is not a calendar date | pass --date=YYYY-MM-DD');
  });

  it('refuses a date of the wrong shape in the flag schema, naming the flag', () => {
    expect(refusal(name, { date: '20.3.2026' })).toMatch(/^[a-z-]+: --date: /);
  });
});

describe('the other flags, with their defaults', () => {
  it.each([
    ['release-major', {}, { allowDirty: false, level: 'major' }],
    ['release-major', { allowDirty: true }, { allowDirty: true }],
    ['release-major', { bump: 'minor' }, { level: 'minor' }],
    ['release-patch', {}, { force: false }],
    ['release-patch', { force: true }, { force: true }],
    ['release-tag', {}, { via: 'git', branch: undefined }],
    ['release-tag', { via: 'api', branch: 'release-5.0.0' }, { via: 'api', branch: 'release-5.0.0' }],
    ['release-tag', { branch: '' }, { branch: undefined }],
  ])('%s %j', (name, flags, expected) => {
    expect(resolve(name, flags)).toMatchObject(expected);
  });

  it.each([
    ['the setting without the flag', {}, 'minor'],
    ['the flag over the setting', { bump: 'major' }, 'major'],
  ])('release-major --bump: %s (cutBump "minor")', (_, flags, level) => {
    expect(resolve('release-major', flags, {}, { cutBump: 'minor' }).level).toBe(level);
  });

  it('release-major lists the Nx data directories the dirty check leaves out', () => {
    expect(resolve('release-major', {}, { NX_WORKSPACE_DATA_DIRECTORY: 'tmp/nx' })).toMatchObject({
      nxDataDirs: ['.nx/cache', '.nx/workspace-data', 'tmp/nx'],
    });
  });
});

describe("nxDataDirs: Nx's cache and workspace data inside the workspace", () => {
  it.each([
    ['the defaults', {}, ['.nx/cache', '.nx/workspace-data']],
    ['a relative variable, from the workspace root', { NX_CACHE_DIRECTORY: 'build/nx-cache/' }, ['.nx/cache', '.nx/workspace-data', 'build/nx-cache']],
    ['an absolute variable inside the workspace', { NX_WORKSPACE_DATA_DIRECTORY: '/ws/data/nx' }, ['.nx/cache', '.nx/workspace-data', 'data/nx']],
    [
      'a variable outside the workspace: no concern of its git status',
      { NX_CACHE_DIRECTORY: '/tmp/nx-cache', NX_WORKSPACE_DATA_DIRECTORY: '../nx' },
      ['.nx/cache', '.nx/workspace-data'],
    ],
    ['a variable naming a default: listed once', { NX_CACHE_DIRECTORY: '.nx/cache' }, ['.nx/cache', '.nx/workspace-data']],
    ['the workspace root itself: never all of it', { NX_CACHE_DIRECTORY: '/ws' }, ['.nx/cache', '.nx/workspace-data']],
  ])('%s', (_, env, expected) => {
    expect(nxDataDirs('/ws', env)).toEqual(expected);
  });
});
