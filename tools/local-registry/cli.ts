/**
 * Runs the local registry in the foreground until interrupted, for demos and manual tries:
 *   node tools/local-registry/dist/cli.js --port 8765 [--token T] [--latency MS]
 *     [--index-delay MS] [--rate-limit crates-io|BURST/INTERVAL_MS] [--auth-required]
 *     [--fault route:crate:action[:times]]... [--max-crate-size BYTES] [--token-lifetime MS]
 *     [--trusted-configs] [--quiet]
 * It prints the cargo configuration to use, then one line per request.
 */
import { parseArgs } from 'node:util';
import { parseFault } from './faults';
import { CRATES_IO_LIMITS, type RateLimits } from './rate-limit';
import { startRegistry } from './registry';

export function parseRateLimit(text: string): RateLimits {
  if (text === 'crates-io') return CRATES_IO_LIMITS;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`--rate-limit ${text}: expected crates-io or BURST/INTERVAL_MS, e.g. 30/60000`);
  const bucket = { burst: Number(m[1]), intervalMs: Number(m[2]) };
  return { newVersions: bucket, newCrates: bucket };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string' },
      latency: { type: 'string', default: '0' },
      'index-delay': { type: 'string', default: '0' },
      'rate-limit': { type: 'string' },
      'auth-required': { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true, default: [] },
      quiet: { type: 'boolean', default: false },
      'max-crate-size': { type: 'string' },
      'token-lifetime': { type: 'string' },
      'trusted-configs': { type: 'boolean', default: false },
    },
  });
  const registry = await startRegistry({
    port: Number(values.port),
    // The token may come from the environment so that it stays out of process listings.
    token: values.token ?? process.env.LOCAL_REGISTRY_TOKEN,
    publishLatencyMs: Number(values.latency),
    indexDelayMs: Number(values['index-delay']),
    rateLimits: values['rate-limit'] ? parseRateLimit(values['rate-limit']) : null,
    authRequired: values['auth-required'],
    maxCrateBytes: values['max-crate-size'] ? Number(values['max-crate-size']) : undefined,
    trustedTokenLifetimeMs: values['token-lifetime'] ? Number(values['token-lifetime']) : undefined,
    trustedConfigs: values['trusted-configs'],
    log: values.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  });
  for (const f of values.fault) registry.faults.add(parseFault(f));
  process.stdout.write(
    [
      `local registry at ${registry.url}`,
      `# .cargo/config.toml`,
      `[registries.local]`,
      `index = "${registry.indexUrl}"`,
      `[source.crates-io]`,
      `replace-with = "local"`,
      `# trusted publishing: export ACTIONS_ID_TOKEN_REQUEST_URL='${registry.oidc.requestUrl}'`,
      `#   ACTIONS_ID_TOKEN_REQUEST_TOKEN=${registry.oidc.requestToken}  (a random local test value)`,
      `# trusted-publishing configs (nx release-trust): export CARGO_TRUST_TOKEN=${registry.trustToken}  (a random local test value)${values['trusted-configs'] ? '; the exchange matches them' : ''}`,
      `# token: export CARGO_REGISTRIES_LOCAL_TOKEN=${values.token || process.env.LOCAL_REGISTRY_TOKEN ? '<the token you gave>' : registry.token}`,
      '',
    ].join('\n'),
  );
  const stop = () => void registry.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: Error) => {
    process.stderr.write(`local-registry: ${e.message}\n`);
    process.exit(1);
  });
}
