import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveFile } from '../core/artifacts/tar';
import { writeZip } from './zip';

let dir: string;
let files: ArchiveFile[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nrt-zip-'));
  mkdirSync(join(dir, 'src/include'), { recursive: true });
  writeFileSync(join(dir, 'src/LICENSE'), 'license text\n');
  writeFileSync(join(dir, 'src/include/a.h'), '#define A 1\n');
  writeFileSync(join(dir, 'src/tool.exe'), Buffer.alloc(70_000, 7));
  chmodSync(join(dir, 'src/tool.exe'), 0o755);
  const file = (path: string, source: string, executable = false) => ({
    path,
    source: join(dir, 'src', source),
    executable,
    size: readFileSync(join(dir, 'src', source)).length,
  });
  files = [file('tool.exe', 'tool.exe', true), file('LICENSE', 'LICENSE'), file('include/a.h', 'include/a.h')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zip archives', () => {
  it('holds the files under one top directory, sorted, modes kept, readable by unzip', async () => {
    const out = join(dir, 'out/w-v1.0.0-x86_64-windows.zip');
    await writeZip(out, 'w-v1.0.0-x86_64-windows', files, 1_700_000_000);
    const listing = execFileSync('unzip', ['-Z', out], { encoding: 'utf8' });
    expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      'w-v1.0.0-x86_64-windows/',
      'w-v1.0.0-x86_64-windows/LICENSE',
      'w-v1.0.0-x86_64-windows/include/',
      'w-v1.0.0-x86_64-windows/include/a.h',
      'w-v1.0.0-x86_64-windows/tool.exe',
    ]);
    expect(listing).toMatch(/-rwxr-xr-x .* w-v1\.0\.0-x86_64-windows\/tool\.exe/);
    expect(listing).toMatch(/-rw-r--r-- .* w-v1\.0\.0-x86_64-windows\/LICENSE/);
    expect(execFileSync('unzip', ['-p', out, 'w-v1.0.0-x86_64-windows/include/a.h'], { encoding: 'utf8' })).toBe('#define A 1\n');
  });

  it('gives the same bytes for the same inputs, in any time zone', async () => {
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      await writeZip(a, 'top', files, 1_700_000_000);
      process.env.TZ = 'Pacific/Auckland';
      await writeZip(b, 'top', files, 1_700_000_000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    // The stamp is the UTC time of the instant (2023-11-14 22:13:20).
    expect(execFileSync('unzip', ['-Z', '-T', a], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } })).toMatch(/20231114\.221320 top\/LICENSE/);
  });
});
