/** Flags the train's commands share, each written once. */
import type { Zod } from './define';

export const dateFlag = (z: Zod) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('Release date YYYY-MM-DD (default: today, UTC).');

/** `--target=4.x`; Nx parses `--target=4` as a number. */
export const lineFlag = (z: Zod, description: string) => z.union([z.string(), z.number()]).optional().describe(description);

/** `--diff-file`: the dry-run diff, whole, in a file (a CI log may garble a long one). */
export const diffFileFlag = (z: Zod) =>
  z
    .string()
    .optional()
    .describe('Also write the unified diff of every file the command changes (or would change) to this file, relative to the workspace root.');

export const pushFlag = (z: Zod, description: string) => z.boolean().default(false).describe(description);
