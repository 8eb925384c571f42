/**
 * A long diff through Nx's own streaming of a forked task's output (its line transformer over
 * the task's stdout): printed in one write, lines come out broken every 64 KiB read; through
 * the executor's output (consoleOutput.block, the built plugin in a node child), every line
 * arrives whole. Timing-dependent by nature (how Nx reads), hence a campaign.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { addPrefixTransformer } from 'nx/src/tasks-runner/running-tasks/output-prefix';
import { describe, expect, it } from 'vitest';

const execute = join(__dirname, '../../packages/nx-release-train/dist/executors/execute.js');
const LINES = `const lines = Array.from({ length: 6000 }, (_, i) => '+dep-' + i + ' = "2.0.0" # ' + 'x'.repeat(i % 90));`;
const expected = Array.from({ length: 6000 }, (_, i) => `+dep-${i} = "2.0.0" # ${'x'.repeat(i % 90)}`);

/** What a CI log shows of the child's stdout under Nx's default output style. */
async function throughNx(print: string): Promise<string[]> {
  const child = spawn(process.execPath, ['-e', `${LINES}\n${print}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  let out = '';
  const shown = child.stdout.pipe(addPrefixTransformer());
  shown.on('data', (d: string) => (out += d));
  await new Promise((done) => shown.on('end', done));
  return out.split('\n').filter(Boolean);
}

describe("a long diff under Nx's output streaming", () => {
  it('is broken when printed in one write (what the plugin did)', async () => {
    expect(await throughNx(`console.log(lines.join('\\n'))`)).not.toEqual(expected);
  });

  it("arrives whole through the executor's output, every time", async () => {
    for (let run = 0; run < 3; run++) {
      expect(await throughNx(`require(${JSON.stringify(execute)}).consoleOutput.block(lines.join('\\n') + '\\n')`)).toEqual(expected);
    }
  }, 60_000);
});
