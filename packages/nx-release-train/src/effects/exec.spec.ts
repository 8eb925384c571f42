import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ReleaseError } from '../core/errors';
import { CommandError, run } from './exec';

const node = process.execPath;
const cwd = tmpdir();

describe('the process runner', () => {
  it('passes arguments as they are (no shell) and captures output', async () => {
    const r = await run(node, ['-e', 'console.log(process.argv[1])', '$(echo hi); rm -rf ~'], { cwd });
    expect(r).toEqual({ exitCode: 0, stdout: '$(echo hi); rm -rf ~\n', stderr: '' });
  });

  it('throws a CommandError (a ReleaseError with a fix) on failure, or returns the exit with reject: false', async () => {
    const err = await run(node, ['-e', 'console.error("boom"); process.exit(3)'], { cwd }).catch((e) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect(err).toBeInstanceOf(ReleaseError);
    expect(err.message).toMatch(/failed \(exit 3\): boom$/);
    expect(err.fix).toMatch(/fix what it reports/);
    expect((await run(node, ['-e', 'process.exit(3)'], { cwd, reject: false })).exitCode).toBe(3);
  });

  it('says how to get a program that is not installed', async () => {
    const err = await run('no-such-program-nrt', [], { cwd }).catch((e) => e);
    expect(err.message).toContain('no-such-program-nrt failed (not found)');
    expect(err.message).toContain('program "no-such-program-nrt" was not found (is it installed and on PATH?)');
    expect(err.result.exitCode).toBe(127);
    expect(err.fix).toBe('install no-such-program-nrt and make sure it is on PATH');
  });

  it('hands secrets over by environment and masks them in what comes back', async () => {
    const r = await run(node, ['-e', 'console.log("token is " + process.env.MY_API_TOKEN)'], { cwd, env: { MY_API_TOKEN: 'sekrit-123' } });
    expect(r.stdout).toBe('token is ***\n');
  });

  it('keeps named variables away from the program', async () => {
    process.env.NRT_TEST_SECRET = 'x';
    try {
      const r = await run(node, ['-e', 'console.log(String(process.env.NRT_TEST_SECRET), process.env.KEPT)'], {
        cwd,
        env: { KEPT: 'k' },
        withoutEnv: ['NRT_TEST_SECRET'],
      });
      expect(r.stdout).toBe('undefined k\n');
    } finally {
      delete process.env.NRT_TEST_SECRET;
    }
  });

  it('streams lines as they come, stdout and stderr, and still captures them', async () => {
    const lines: string[] = [];
    const script = 'console.error("Uploaded x v1 to registry"); console.log("done"); process.exitCode = 7';
    const r = await run(node, ['-e', script], { cwd, onLine: (l) => lines.push(l), reject: false });
    expect(r.exitCode).toBe(7);
    expect([...lines].sort()).toEqual(['Uploaded x v1 to registry', 'done']);
    expect(r.stdout).toBe('done\n');
  });

  it('feeds stdin from chunks', async () => {
    async function* chunks() {
      yield Buffer.from('ab');
      yield Buffer.from('c');
    }
    const r = await run(node, ['-e', 'process.stdin.pipe(process.stdout)'], { cwd, stdin: chunks() });
    expect(r.stdout).toBe('abc');
  });

  it('fails the run when its stdin source fails, rather than leaving the program a short input', async () => {
    async function* failing() {
      yield Buffer.from('part');
      throw new Error('archive source broke');
    }
    const run1 = run(node, ['-e', 'process.stdin.pipe(process.stdout)'], { cwd, stdin: failing(), reject: false });
    await expect(run1).rejects.toThrow('archive source broke');
  });
});
