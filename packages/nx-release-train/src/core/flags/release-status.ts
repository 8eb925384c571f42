import type { z } from 'zod';
import { defineFlags } from './define';

export const releaseStatusFlags = defineFlags(
  'release-status',
  'Where the train is, read-only: release lines and their support, open pull requests of the train, what is published and attached after each newest tag, the bindings, and warnings to act on.',
  (z) =>
    z.object({
      json: z.boolean().default(false).describe('Print the status as JSON (a versioned shape: { "version": 1, ... }; see the README) instead of the table.'),
      html: z
        .string()
        .optional()
        .describe('Also write the status as one self-contained HTML page (inline CSS, no scripts, no external requests) to this file.'),
      issue: z
        .boolean()
        .default(false)
        .describe('Also keep the status issue on GitHub current (found by the statusIssue.label setting; created once, then edited).'),
      summary: z.boolean().default(false).describe('Also append the status as Markdown to $GITHUB_STEP_SUMMARY.'),
      registry: z
        .string()
        .optional()
        .describe("Registry name from cargo's configuration whose index is read (default: the registry setting; crates.io when unset)."),
      repository: z.string().optional().describe('GitHub repository owner/name (default: $GITHUB_REPOSITORY, the githubRepository setting, the remote URL).'),
    }),
);

export type ReleaseStatusFlags = z.output<typeof releaseStatusFlags.schema>;
