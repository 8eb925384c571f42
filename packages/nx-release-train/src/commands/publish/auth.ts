/**
 * How a publish run authenticates, said once at its start: the token from the environment,
 * or trusted publishing (one minted token shared by the whole run, renewed as needed, every
 * minted token revoked by `finish`, which callers run also on failure, and on SIGINT/SIGTERM).
 */
import { formatDuration } from '../../core/publishing/eta';
import { tokenEnvVar, type RetryPolicy } from '../../core/publishing/retry';
import { remintAt, type PublishAuth } from '../../core/publishing/trusted';
import { onStopSignal, processSignals, type SignalSource } from '../../effects/stop-signals';
import { trustedPublisher } from '../../effects/trusted-publishing';
import type { Services } from '../services';
import type { PublishDeps } from './publish-crate';
import { registryLabel, type PublishTarget } from './publish-target';

export interface RunAuth {
  deps?: PublishDeps['auth'];
  finish(): Promise<void>;
}

/** GitHub Actions' OIDC request pair (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN), from the environment. Never printed. */
export interface OidcRequest {
  requestUrl?: string;
  requestToken?: string;
  /** How the OIDC request and the token exchange are retried: the uploads' policy. */
  retry?: RetryPolicy;
}

const nothing = async () => {};

export async function startAuth(
  target: Pick<PublishTarget, 'registry' | 'options' | 'indexUrl'>,
  auth: PublishAuth,
  oidc: OidcRequest,
  dryRun: boolean,
  services: Pick<Services, 'registry' | 'clock'>,
  log: (line: string) => void,
  signals: SignalSource = processSignals,
): Promise<RunAuth> {
  const where = registryLabel(target.registry);
  if (auth.mode === 'token') {
    log(`publish: authenticating to ${where} with the token in ${auth.variable}`);
    return { finish: nothing };
  }
  if (auth.mode === 'none') {
    log(`publish: no ${auth.variable} and no GitHub Actions OIDC token${dryRun ? ' (dry run: nothing is uploaded)' : ''}`);
    return { finish: nothing };
  }
  const lifetimeMs = target.options.trustedTokenLifetime * 1000;
  if (dryRun) {
    log(`publish: trusted publishing to ${where} (dry run: no token is minted)`);
    return { finish: nothing };
  }
  const apiUrl = await services.registry.apiUrl(target.indexUrl(), undefined);
  const tp = trustedPublisher({
    apiUrl,
    requestUrl: oidc.requestUrl ?? '',
    requestToken: oidc.requestToken ?? '',
    lifetimeMs,
    now: () => services.clock.now(),
    sleep: (ms) => services.clock.sleep(ms),
    retry: oidc.retry,
    log,
    fetch: services.registry.fetch,
  });
  log(
    `publish: trusted publishing to ${where} (no ${tokenEnvVar(target.registry)} set): ` +
      `an OIDC token for audience "${tp.audience}" exchanged at ${apiUrl}, a new one every ${formatDuration(remintAt(0, lifetimeMs))} ` +
      `(tokens live ${formatDuration(lifetimeMs)}, setting trustedTokenLifetime)`,
  );
  let revoking: Promise<void> | undefined;
  const revoke = () =>
    (revoking ??= tp.revokeAll().then(({ revoked, expired, failed }) => {
      const all = revoked + expired + failed.length;
      if (all) log(`trusted publishing: revoked ${revoked} of ${all} token${all === 1 ? '' : 's'}${expired ? ` (${expired} had expired already)` : ''}`);
      for (const f of failed) log(`warning: trusted publishing: could not revoke ${f}; it expires on its own`);
    }));
  // A cancelled CI job or ctrl-c stops the run: the tokens minted so far, and one a mint in
  // flight brings (the registry holds it already), are revoked first.
  const unwatch = onStopSignal(revoke, signals);
  return {
    deps: tp,
    async finish() {
      unwatch();
      await revoke();
    },
  };
}
