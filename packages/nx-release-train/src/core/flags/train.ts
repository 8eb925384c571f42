/** Flags the train's commands share, each written once. */
import { z } from 'zod';

export const dateFlag = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('Release date YYYY-MM-DD (default: today, UTC).');

/** `--target=4.x`; Nx parses `--target=4` as a number. */
export const lineFlag = (description: string) => z.union([z.string(), z.number()]).optional().describe(description);

export const pushFlag = (description: string) => z.boolean().default(false).describe(description);
