/** Every executor's flag schema, by executor name (the schema.json generator and its test read this). */
import type { FlagSchema } from './define';
import { releaseTagFlags } from './release-tag';

export const executorFlags: Record<string, FlagSchema> = {
  [releaseTagFlags.name]: releaseTagFlags,
};
