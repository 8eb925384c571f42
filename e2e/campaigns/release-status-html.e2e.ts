/**
 * The `--html` page in a real browser: headless Chromium (Debian's `chromium`; `.ci/run`
 * installs it when missing) loads the file with no network, takes a screenshot, and the text
 * it rendered is read back from the DOM it dumps.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseStatusCommand } from '../../packages/nx-release-train/src/commands/release-status';
import { releaseStatusFlags } from '../../packages/nx-release-train/src/core/flags/release-status';
import { runCommand } from '../support/command';
import { startStatusTrain, type StatusTrain } from '../support/status-train';

const CHROMIUM = '/usr/bin/chromium';

let train: StatusTrain | undefined;
let profile: string | undefined;
beforeAll(async () => {
  train = await startStatusTrain();
  profile = mkdtempSync(join(tmpdir(), 'nrt-chromium-'));
});
afterAll(async () => {
  await train?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The page as Chromium renders it: the DOM after layout, and a screenshot file. */
function render(file: string, png: string): string {
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${profile}`,
  ];
  // Chromium logs to stderr about the missing D-Bus of a container: not the test's concern.
  execFileSync(CHROMIUM, [...flags, `--screenshot=${png}`, '--window-size=1280,1600', `file://${file}`], { stdio: 'ignore', timeout: 60_000 });
  return execFileSync(CHROMIUM, [...flags, '--dump-dom', `file://${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
}

const text = (dom: string) =>
  dom
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('release-status --html in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'renders the timeline, publish progress per wave, platforms, bindings and warnings, with no request out',
    { timeout: 180_000 },
    async () => {
      const page = join(train!.dir, 'status', 'index.html');
      const run = await runCommand(releaseStatusCommand, releaseStatusFlags, {
        root: train!.dir,
        flags: { html: 'status/index.html' },
        env: train!.env,
        services: train!.services,
      });
      expect(run.ok).toBe(true);
      expect(run.out).toContain(`wrote ${page}`);
      const source = readFileSync(page, 'utf8');
      // Self-contained: no script, no external stylesheet, image or font.
      expect(source).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
      const png = join(profile!, 'status.png');
      const shown = text(render(page, png));
      expect(statSync(png).size).toBeGreaterThan(10_000);
      expect(shown).toContain('Release train of bytecodealliance/wasmtime on 2026-10-01: main at 50.0.0-dev');
      expect(shown).toContain('cut 2024-08-05 · LTS until 2026-08-05 · EOL 2026-08-05');
      expect(shown).toContain('cut 2026-08-05 · released 2026-08-20 · LTS until 2028-08-05');
      expect(shown).toContain('v49.0.0-rc.2: 1/2 crates published');
      expect(shown).toContain('wave 1 1/1 wt-a ✓');
      expect(shown).toContain('wave 2 0/1 wt-b ✗');
      expect(shown).toContain('Superseded candidates not yet yanked: wt-a@49.0.0-rc.1');
      expect(shown).toContain('v49.0.0-rc.2 pre-release x86_64-linux ✓ , aarch64-macos ✗');
      expect(shown).toContain('py bytecodealliance/wasmtime-py 48.0.0 no #1');
      expect(shown).toContain('release-24.0.0 is past its end of life (since 2026-08-05) and still gets patches');
    },
  );
});
