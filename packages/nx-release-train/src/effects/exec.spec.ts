import { describe, expect, it } from 'vitest';
import { CommandError, run } from './exec';

describe('running programs', () => {
  it('a program that does not exist is named as not found, not "exit 1" with nothing', async () => {
    const err = await run('no-such-program-nrt', ['--x'], { cwd: process.cwd() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).result.exitCode).toBe(127);
    expect((err as Error).message).toContain('program "no-such-program-nrt" was not found (is it installed and on PATH?)');
  });

  it('a program that fails keeps its own exit code and message', async () => {
    const err = (await run(process.execPath, ['-e', 'console.error("bad"); process.exit(3)'], { cwd: process.cwd() }).catch((e: unknown) => e)) as CommandError;
    expect(err.result.exitCode).toBe(3);
    expect(err.message).toContain('failed (exit 3): bad');
  });
});
