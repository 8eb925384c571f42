/**
 * Table tests of the publishing commands' `resolve`: where the registry, its token, the
 * authentication, the retry policy and the concurrency come from (flag > environment >
 * setting > default; defaults from the flag schemas only).
 */
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../core/flags/define';
import { publishFlags } from '../core/flags/publish';
import { publishPlanFlags } from '../core/flags/publish-plan';
import { releaseYankFlags } from '../core/flags/release-yank';
import { verifyFlags } from '../core/flags/verify';
import { DEFAULT_OPTIONS } from '../core/settings/options';
import type { Env } from './command';
import { resolvePublish } from './publish';
import { resolvePublishPlan } from './publish-plan';
import { resolveReleaseYank } from './release-yank';
import { resolveVerify } from './verify';

const input = <F>(flags: F, env: Env = {}, settings: Partial<typeof DEFAULT_OPTIONS> = {}, graph?: { publishConcurrency?: number }) => ({
  flags,
  env,
  options: { ...DEFAULT_OPTIONS, ...settings },
  root: '/ws',
  project: { name: 'foo', root: 'crates/foo' },
  graph,
});
const publish = (raw: Record<string, unknown>, env?: Env, settings?: Partial<typeof DEFAULT_OPTIONS>) =>
  resolvePublish(input(parseFlags(publishFlags, raw), env, settings));

describe('publishing resolve: the registry and its token', () => {
  it.each([
    { flag: undefined, setting: null, registry: null, from: 'setting', variable: 'CARGO_REGISTRY_TOKEN' },
    { flag: undefined, setting: 'local', registry: 'local', from: 'setting', variable: 'CARGO_REGISTRIES_LOCAL_TOKEN' },
    { flag: 'my-reg', setting: 'local', registry: 'my-reg', from: 'flag', variable: 'CARGO_REGISTRIES_MY_REG_TOKEN' },
    { flag: 'my-reg', setting: null, registry: 'my-reg', from: 'flag', variable: 'CARGO_REGISTRIES_MY_REG_TOKEN' },
  ] as const)('--registry=$flag, setting $setting: $registry (token from $variable)', ({ flag, setting, registry, from, variable }) => {
    const env = {
      CARGO_REGISTRY_TOKEN: 'crates-io-token',
      CARGO_REGISTRIES_LOCAL_TOKEN: 'local-token',
      CARGO_REGISTRIES_MY_REG_TOKEN: 'my-token',
      CARGO_HOME: '/home/ci/.cargo',
    };
    for (const req of [
      publish(flag ? { registry: flag } : {}, env, { registry: setting }),
      resolveVerify(input(parseFlags(verifyFlags, flag ? { registry: flag } : {}), env, { registry: setting })),
      resolveReleaseYank(input(parseFlags(releaseYankFlags, flag ? { registry: flag } : {}), env, { registry: setting })),
      resolvePublishPlan(input(parseFlags(publishPlanFlags, flag ? { registry: flag } : {}), env, { registry: setting })),
    ]) {
      expect(req.registry).toBe(registry);
      expect(req.registryFrom).toBe(from);
      expect(req.token).toBe(env[variable]);
      // Cargo's configuration travels; tokens only as `token`.
      expect(req.cargoEnv).toEqual({ CARGO_HOME: '/home/ci/.cargo' });
      expect(req.project).toEqual({ name: 'foo', root: 'crates/foo' });
    }
  });

  it('an empty token variable is no token', () => {
    expect(publish({}, { CARGO_REGISTRY_TOKEN: '' }).token).toBeUndefined();
    expect(publish({}, { CARGO_REGISTRY_TOKEN: '' }).auth.mode).toBe('none');
  });
});

describe('publish resolve', () => {
  it.each([
    { env: { CARGO_REGISTRY_TOKEN: 't' }, mode: 'token' },
    { env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'r' }, mode: 'trusted' },
    { env: { CARGO_REGISTRY_TOKEN: 't', ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'r' }, mode: 'token' },
    { env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc' }, mode: 'none' },
    { env: {}, mode: 'none' },
  ] as const)('authenticates with $mode for $env', ({ env, mode }) => {
    const req = publish({}, env);
    expect(req.auth.mode).toBe(mode);
    expect(req.oidc).toEqual({
      requestUrl: (env as Env).ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: (env as Env).ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      retry: req.retry,
    });
  });

  it('takes its defaults from the flag schema and converts seconds once', () => {
    const req = publish({});
    expect(req).toMatchObject({ dryRun: false, noVerify: true, indexTimeoutMs: 300_000, concurrency: 8 });
    expect(req.retry).toEqual({ maxAttempts: 6, backoffMs: 2000, backoffMaxMs: 60_000, maxRateLimitWaitMs: 1_800_000, rateLimitDefaultMs: 60_000 });
  });

  it('flags win over the defaults', () => {
    const req = publish({ dryRun: true, noVerify: false, indexTimeout: 1, maxAttempts: 3, backoff: 0.1, maxRateLimitWait: 5, concurrency: 2 });
    expect(req).toMatchObject({ dryRun: true, noVerify: false, indexTimeoutMs: 1000, concurrency: 2 });
    expect(req.retry).toMatchObject({ maxAttempts: 3, backoffMs: 100, maxRateLimitWaitMs: 5000 });
  });
});

describe('publish-plan resolve: concurrency and authentication', () => {
  const plan = (raw: Record<string, unknown>, graph?: { publishConcurrency?: number }, env: Env = {}) =>
    resolvePublishPlan(input(parseFlags(publishPlanFlags, raw), env, {}, graph));
  it.each([
    { flag: undefined, graph: undefined, parallel: 8, from: "the publish target's concurrency, default 8" },
    { flag: undefined, graph: 3, parallel: 3, from: "the publish target's concurrency" },
    { flag: 5, graph: 3, parallel: 5, from: '--parallel' },
    { flag: 5, graph: undefined, parallel: 5, from: '--parallel' },
  ])('--parallel=$flag, graph concurrency $graph: $parallel', ({ flag, graph, parallel, from }) => {
    const req = plan(flag === undefined ? {} : { parallel: flag }, { publishConcurrency: graph });
    expect(req.parallel).toBe(parallel);
    expect(req.parallelFrom).toBe(from);
  });

  it('--trusted plans for trusted publishing whatever the environment holds; otherwise as publish decides', () => {
    expect(plan({ trusted: true }, undefined, { CARGO_REGISTRY_TOKEN: 't' }).auth.mode).toBe('trusted');
    expect(plan({}, undefined, { CARGO_REGISTRY_TOKEN: 't' }).auth.mode).toBe('token');
    expect(plan({}, undefined, {}).auth.mode).toBe('none');
  });
});

describe('release-yank resolve: the yank token', () => {
  it.each([
    { setting: undefined, env: { CARGO_YANK_TOKEN: 'y' }, variable: 'CARGO_YANK_TOKEN', token: 'y' },
    { setting: 'MY_YANK', env: { CARGO_YANK_TOKEN: 'y', MY_YANK: 'm' }, variable: 'MY_YANK', token: 'm' },
    { setting: 'MY_YANK', env: { CARGO_YANK_TOKEN: 'y' }, variable: 'MY_YANK', token: undefined },
    { setting: undefined, env: { CARGO_YANK_TOKEN: '' }, variable: 'CARGO_YANK_TOKEN', token: undefined },
  ])('setting yankTokenVariable=$setting: token from $variable', ({ setting, env, variable, token }) => {
    const req = resolveReleaseYank(input(parseFlags(releaseYankFlags, {}), env, setting ? { yankTokenVariable: setting } : {}));
    expect(req.yankTokenVariable).toBe(variable);
    expect(req.yankToken).toBe(token);
  });

  it('retries as the flags say, defaults from its schema', () => {
    expect(resolveReleaseYank(input(parseFlags(releaseYankFlags, {}))).retry).toMatchObject({ maxAttempts: 6, backoffMs: 2000, maxRateLimitWaitMs: 1_800_000 });
    expect(resolveReleaseYank(input(parseFlags(releaseYankFlags, { maxAttempts: 2, backoff: 1, maxRateLimitWait: 3, dryRun: true }))).retry).toMatchObject({
      maxAttempts: 2,
      backoffMs: 1000,
      maxRateLimitWaitMs: 3000,
    });
  });
});
