/** Every executor's flag schema, by executor name (the schema.json generator and its test read this). */
import type { FlagSchema } from './define';
import { publishFlags } from './publish';
import { publishPlanFlags } from './publish-plan';
import { releaseLatestFlags } from './release-latest';
import { releaseMajorFlags } from './release-major';
import { releasePatchFlags } from './release-patch';
import { releaseRcFlags } from './release-rc';
import { releaseTagFlags } from './release-tag';
import { releaseYankFlags } from './release-yank';
import { verifyFlags } from './verify';

export const executorFlags: Record<string, FlagSchema> = Object.fromEntries(
  [releaseMajorFlags, releaseLatestFlags, releasePatchFlags, releaseRcFlags, releaseTagFlags, publishFlags, publishPlanFlags, verifyFlags, releaseYankFlags].map((f) => [f.name, f]),
);
