/**
 * A stop signal while a trusted-publishing token is being minted: the local registry mints it,
 * its answer delayed; the signal arrives on an injected source (the test process is not
 * signalled); the token that arrives after the signal is revoked before the process stops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from '../../../../../tools/local-registry';
import { DEFAULT_OPTIONS } from '../../core/settings/options';
import { systemClock } from '../../effects/clock';
import { realRegistry } from '../../effects/registry-services';
import type { SignalSource, StopSignal } from '../../effects/stop-signals';
import { startAuth } from './auth';

let reg: Registry;
afterEach(() => reg?.stop());

/** Signals a test emits; `raised` settles with the signal the process would be stopped by. */
function testSignals() {
  const handlers = new Set<(s: StopSignal) => void>();
  let raise!: (s: StopSignal) => void;
  const raised = new Promise<StopSignal>((done) => (raise = done));
  const source: SignalSource = { on: (_, h) => handlers.add(h), off: (_, h) => handlers.delete(h), raise };
  return { source, raised, emit: (s: StopSignal) => [...handlers].forEach((h) => h(s)) };
}

describe('startAuth: trusted publishing stopped by a signal', () => {
  it('revokes the token whose exchange was in flight when SIGINT came, before the process stops', async () => {
    reg = await startRegistry();
    reg.faults.exchangeLatencyMs = 400;
    const signals = testSignals();
    const log: string[] = [];
    const target = { registry: 'local', options: DEFAULT_OPTIONS, indexUrl: () => reg.indexUrl };
    const oidc = { requestUrl: reg.oidc.requestUrl, requestToken: reg.oidc.requestToken };
    const run = await startAuth(target, { mode: 'trusted' }, oidc, false, { registry: realRegistry, clock: systemClock }, (l) => log.push(l), signals.source);

    const minting = run.deps!.token().catch((e: Error) => e);
    // The registry has minted the token; its answer is on the way.
    while (reg.trusted.minted.length === 0) await new Promise((done) => setTimeout(done, 10));
    signals.emit('SIGINT');
    expect(await signals.raised).toBe('SIGINT');

    const [{ token, revokedAt }] = reg.trusted.minted;
    expect(revokedAt).not.toBeNull();
    expect(log).toContain('trusted publishing: revoked 1 of 1 token');
    // The token no longer works: the registry refuses it (here: to revoke it again).
    const again = await fetch(`${reg.url}/api/v1/trusted_publishing/tokens`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(403);
    // The upload that asked for it is told the run is stopping, not handed a dead token.
    expect(String(await minting)).toContain('the run is stopping; no new token is minted');
  });
});
