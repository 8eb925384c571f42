import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { flagEnv } from '../core/argv';
import { parseFlags } from '../core/flags/define';
import { releaseBindingsFlags } from '../core/flags/release-bindings';
import { DEFAULT_OPTIONS, resolveOptions, type ReleaseTrainOptions } from '../core/settings/options';
import { workspaceModel } from '../effects/workspace-model';
import { releaseBindingsCommand, resolveReleaseBindings } from './release-bindings';
import type { Services } from './services';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const resolve = (flags: Record<string, unknown>, env: Record<string, string> = {}, options: ReleaseTrainOptions = DEFAULT_OPTIONS) =>
  resolveReleaseBindings({ flags: parseFlags(releaseBindingsFlags, flags), options, env, root: '/ws' });

describe('resolveReleaseBindings', () => {
  it.each([
    ['defaults', {}, {}, { version: undefined, only: [], dryRun: false }],
    ['--version as given', { version: '46.0.0' }, {}, { version: '46.0.0', only: [], dryRun: false }],
    ['--version handed on by the hook (Nx keeps the flag)', {}, { [flagEnv('version')]: '47.0.1' }, { version: '47.0.1', only: [], dryRun: false }],
    ['--only as a list or a comma string', { only: 'py, go', dryRun: true }, {}, { version: undefined, only: ['py', 'go'], dryRun: true }],
    ['--only as an array', { only: ['py'] }, {}, { version: undefined, only: ['py'], dryRun: false }],
  ])('%s', (_, flags, env, expected) => {
    const req = resolve(flags, env);
    expect({ version: req.version, only: req.only, dryRun: req.dryRun }).toEqual(expected);
  });

  it('finds API and token through the one GitHub target: --github-api-url > GITHUB_API_URL > githubApiUrl', () => {
    const options = { ...DEFAULT_OPTIONS, githubApiUrl: 'https://setting/api', githubTokenEnv: 'BINDINGS_TOKEN' };
    expect(resolve({ githubApiUrl: 'https://flag/api' }, { GITHUB_API_URL: 'https://env/api' }, options).github.apiUrl).toBe('https://flag/api');
    expect(resolve({}, { GITHUB_API_URL: 'https://env/api' }, options).github.apiUrl).toBe('https://env/api');
    const req = resolve({}, { GITHUB_TOKEN: 'a', BINDINGS_TOKEN: 'b' }, options);
    expect([req.github.apiUrl, req.github.token, req.github.tokenVar]).toEqual(['https://setting/api', 'b', 'BINDINGS_TOKEN']);
  });
});

describe("bad bindings settings are the schema's to refuse (once, when the options are resolved)", () => {
  it('names the setting down to the field', () => {
    const { problems } = resolveOptions({ bindings: { repos: [{ name: 'py', rules: [] }] } });
    expect(problems.map((p) => p.setting)).toEqual(['bindings.repos[0].url']);
  });
});

function run(bindings: Partial<ReleaseTrainOptions['bindings']>, flags: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'nrt-bindings-run-'));
  dirs.push(root);
  writeFileSync(join(root, 'Cargo.toml'), '[workspace]\nmembers = []\n');
  const options = { ...DEFAULT_OPTIONS, bindings: { ...DEFAULT_OPTIONS.bindings, ...bindings } };
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  // Every case refuses before a clone, a push or a request: the services it may touch.
  const services = { root, log, model: () => workspaceModel(root) } as unknown as Services;
  return releaseBindingsCommand.run(resolve(flags, env, options), services);
}

const repos = [
  { name: 'py', url: 'https://github.com/o/py.git', rules: [] },
  { name: 'go', url: '/srv/go.git', rules: [] },
];

describe('release-bindings refuses before touching any repository', () => {
  it('asks for repositories when none are configured', async () => {
    await expect(run({}, { version: '1.0.0' })).rejects.toThrow('no binding repositories are configured');
  });

  it('names unknown --only entries and the known names', async () => {
    const err = await run({ repos }, { only: ['py', 'rs'], version: '1.0.0' }).catch((e) => e);
    expect(err.message).toBe('--only names unknown binding repositories: rs');
    expect(err.fix).toBe('use names from bindings.repos: py, go');
  });

  it('needs a version: --version, or the workspace version', async () => {
    const err = await run({ repos }).catch((e) => e);
    expect(err.message).toBe('Cargo.toml has no [workspace.package] version to follow');
    await expect(run({ repos }, { version: 'v1' })).rejects.toThrow('--version=v1 is not a version X.Y.Z');
  });

  it('needs the token for a real run that opens pull requests, naming its variable', async () => {
    await expect(run({ repos }, { version: '1.0.0' })).rejects.toThrow(
      'release-bindings (to open the pull requests) needs a GitHub token in GITHUB_TOKEN; nothing was changed',
    );
  });
});
