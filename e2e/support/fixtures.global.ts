/** Vitest global setup: one fixture cache directory per run (see fixtures.ts), removed at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_ENV } from './fixtures';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'nrt-fixtures-run-'));
  process.env[CACHE_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
