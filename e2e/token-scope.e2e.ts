/**
 * The GitHub token goes to the GitHub host in use and nowhere else: three git servers on
 * 127.0.0.1 (git's http-backend, each asking for credentials) stand for the configured GitHub
 * (https), another host (https, another port) and a plain-http host. `release-bindings
 * --dry-run` with GITHUB_TOKEN set clones from all three; only the first may see the token.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCert, startGitHttp, type GitHttpServer } from './support/git-http';
import { gitEnv, makeWorkspace, nxAsync, type TempWorkspace } from './support/workspace';

const TOKEN = 'ghs_scope_check_token_789';
const basic = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

let root: string;
let cert: { key: string; cert: string };
let github: GitHttpServer;
let other: GitHttpServer;
let plain: GitHttpServer;
let ws: TempWorkspace;

function bareRepo(dir: string, name: string): void {
  const work = join(root, 'work', name);
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'VERSION'), '4.0.0\n');
  const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, env: gitEnv(), stdio: 'ignore' });
  git(work, ['init', '-q', '-b', 'main']);
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', 'init']);
  mkdirSync(dir, { recursive: true });
  git(dir, ['clone', '-q', '--bare', work, join(dir, `${name}.git`)]);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nrt-token-scope-'));
  cert = selfSignedCert(root);
  for (const [dir, name] of [
    ['github', 'home'],
    ['other', 'elsewhere'],
    ['plain', 'plain'],
  ])
    bareRepo(join(root, dir), name);
  github = await startGitHttp(join(root, 'github'), cert);
  other = await startGitHttp(join(root, 'other'), cert);
  plain = await startGitHttp(join(root, 'plain'));
  const rules = [{ kind: 'version-file', file: 'VERSION' }];
  ws = makeWorkspace({
    options: {
      bindings: {
        repos: [
          { name: 'home', url: `${github.url}/home.git`, rules },
          { name: 'elsewhere', url: `${other.url}/elsewhere.git`, rules },
          { name: 'plain', url: `${plain.url}/plain.git`, rules },
        ],
      },
    },
  });
  writeFileSync(join(ws.dir, 'Cargo.toml'), '[workspace]\nmembers = ["crates/core"]\n\n[workspace.package]\nversion = "5.0.0"\n');
  mkdirSync(join(ws.dir, 'crates/core/src'), { recursive: true });
  writeFileSync(join(ws.dir, 'crates/core/Cargo.toml'), '[package]\nname = "core-lib"\nversion.workspace = true\nedition = "2021"\n');
  writeFileSync(join(ws.dir, 'crates/core/src/lib.rs'), '');
});

afterAll(async () => {
  await Promise.all([github, other, plain].filter(Boolean).map((s) => s.close()));
  ws?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('token scope', () => {
  it('only the configured GitHub host is offered the token; plain http is refused before any request', async () => {
    const r = await nxAsync(ws.dir, ['release-bindings', '--dry-run'], {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: `${github.url}/api/v3`,
      GIT_SSL_CAINFO: cert.cert,
    });
    // The GitHub host got the token and the clone worked.
    expect(github.authorizations, r.out).toContain(basic);
    expect(r.out).toMatch(/home\s.*would push branch/);
    // The other host was contacted, asked for credentials, and got none.
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.authorizations).toEqual([]);
    // Plain http: refused with the reason, never contacted.
    expect(plain.requests).toEqual([]);
    expect(r.out).toContain(`${plain.url}/plain.git is plain http`);
    expect(r.out).not.toContain(TOKEN);
    expect(r.status).not.toBe(0);
  });
});
