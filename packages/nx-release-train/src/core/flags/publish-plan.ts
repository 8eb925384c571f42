import type { z } from 'zod';
import { defineFlags, dryRunFlag } from './define';
import { registryFlag } from './registry';

export const publishPlanFlags = defineFlags(
  'publish-plan',
  'Print the publish waves, which versions the registry index already has, the preflight publish runs before its first upload, and an estimate (critical path beside the rate-limit bound). Fails when the preflight would refuse the release.',
  (z) =>
    z.object({
      registry: registryFlag(z),
      parallel: z
        .number()
        .optional()
        .describe("Publishes at once (default: the publish target's `concurrency`, 8; give Nx's --parallel for --batch=false runs)."),
      publishSeconds: z.number().optional().describe('Seconds one upload takes (default from registryLimits, else crates.io 5, others 2).'),
      indexSeconds: z
        .number()
        .optional()
        .describe('Seconds from an upload until the index shows it (default from registryLimits, else crates.io 15, others 2).'),
      burst: z.number().optional().describe('New versions the registry accepts at once (default: crates.io 30; none known for others).'),
      interval: z.number().optional().describe('Seconds between new versions after the burst (default: crates.io 60).'),
      newCrateBurst: z.number().optional().describe('New crates accepted at once (default: crates.io 5).'),
      newCrateInterval: z.number().optional().describe('Seconds between new crates after the burst (default: crates.io 600).'),
      trusted: z
        .boolean()
        .optional()
        .describe('Plan for trusted publishing (no per-user new-version limit); default: detected from the environment like publish does.'),
      offline: z.boolean().default(false).describe('Do not read the index or package: plan as if nothing were published.'),
      dryRun: dryRunFlag(z, 'Accepted for uniformity: the plan never changes anything.'),
    }),
);

export type PublishPlanFlags = z.output<typeof publishPlanFlags.schema>;
