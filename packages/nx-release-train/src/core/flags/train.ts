/** Flags the train's commands share, each written once. */
import { z } from 'zod';

export const dateFlag = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('Release date YYYY-MM-DD (default: today, UTC).');

/** `--target=4.x`; Nx parses `--target=4` as a number. */
export const lineFlag = (description: string) => z.union([z.string(), z.number()]).optional().describe(description);

/** `--diff-file`: the dry-run diff, whole, in a file (a CI log may garble a long one). */
export const diffFileFlag = z
  .string()
  .optional()
  .describe('Also write the unified diff of every file the command changes (or would change) to this file, relative to the workspace root.');

export const pushFlag = (description: string) => z.boolean().default(false).describe(description);
