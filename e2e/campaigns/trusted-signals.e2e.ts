/**
 * A publish run stopped by SIGINT (ctrl-c) or SIGTERM (a cancelled CI job) revokes the
 * trusted-publishing tokens it minted before it stops. A small node child runs the built
 * plugin's `startAuth` against the local registry, mints, and waits; the test signals it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRegistry, type Registry } from '../../tools/local-registry';

const dist = join(__dirname, '../../packages/nx-release-train/dist');

/** The child: trusted publishing as publish starts it, one token minted, then waiting to be stopped. */
const CHILD = `
const { startAuth } = require(${JSON.stringify(join(dist, 'commands/publish/auth.js'))});
const [apiUrl, requestUrl, requestToken] = process.argv.slice(1);
const services = {
  clock: { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
  registry: { apiUrl: async () => apiUrl, fetch: (...a) => fetch(...a) },
};
const target = { registry: 'local', options: { trustedTokenLifetime: 1800 }, indexUrl: () => apiUrl + '/index/' };
startAuth(target, { mode: 'trusted' }, { requestUrl, requestToken }, false, services, (l) => console.log(l))
  .then((run) => run.deps.token())
  .then(() => { console.log('minted'); setInterval(() => {}, 1000); });
`;

let reg: Registry;
afterEach(() => reg?.stop());

describe.each(['SIGINT', 'SIGTERM'] as const)('a publish run stopped by %s', (signal) => {
  it('revokes every token it minted, then stops as the signal asks', async () => {
    reg = await startRegistry();
    const child = spawn(process.execPath, ['-e', CHILD, reg.url, reg.oidc.requestUrl, reg.oidc.requestToken], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
    const deadline = Date.now() + 20_000;
    while (!out.includes('minted') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('minted');
    expect(reg.trusted.minted).toHaveLength(1);
    expect(reg.trusted.minted[0].revokedAt).toBeNull();

    child.kill(signal);
    expect(await exited).toEqual({ code: null, signal });
    expect(reg.trusted.minted[0].revokedAt).not.toBeNull();
    expect(out).toContain('trusted publishing: revoked 1 of 1 token');
  }, 30_000);
});
