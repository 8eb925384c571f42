/** A refusal through the real nx CLI compared with the same command in-process. */
import { expect } from 'vitest';
import { repoState } from './state';
import { refused } from './train-cli';
import { nxRefused, type TempWorkspace } from './workspace';

/** The refusal's first line (`error: ...`) as the command gives it in-process. */
async function refusalLine(ws: TempWorkspace, args: string[]): Promise<string> {
  const out = await refused(ws, args);
  const line = out.split('\n').find((l) => l.startsWith('error: '));
  expect(line, out).toBeDefined();
  return line!;
}

/** nx refuses with exactly the command's message and changes nothing. */
export async function refusedLikeInProcess(ws: TempWorkspace, args: string[]): Promise<string> {
  const line = await refusalLine(ws, args);
  const before = repoState(ws);
  const out = nxRefused(ws, args);
  expect(out).toContain(line);
  expect(repoState(ws)).toEqual(before);
  return out;
}
