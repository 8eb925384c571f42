/** Every executor's flag schema, by executor name (the schema.json generator and its test read this). */
import type { FlagSchema } from './define';
import { releaseLatestFlags } from './release-latest';
import { releaseMajorFlags } from './release-major';
import { releasePatchFlags } from './release-patch';
import { releaseRcFlags } from './release-rc';
import { releaseStatusFlags } from './release-status';
import { releaseTagFlags } from './release-tag';

export const executorFlags: Record<string, FlagSchema> = Object.fromEntries(
  [releaseMajorFlags, releaseLatestFlags, releasePatchFlags, releaseRcFlags, releaseTagFlags, releaseStatusFlags].map((f) => [f.name, f]),
);
