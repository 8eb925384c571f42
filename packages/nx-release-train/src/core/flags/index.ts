/** Every executor's flag schema, by executor name (the schema.json generator and its test read this). */
import type { FlagSchema } from './define';
import { nxReleasePublishFlags } from './nx-release-publish';
import { publishFlags } from './publish';
import { publishPlanFlags } from './publish-plan';
import { releaseArtifactsFlags } from './release-artifacts';
import { releaseAssetsFlags } from './release-assets';
import { releaseBindingsFlags } from './release-bindings';
import { releaseLatestFlags } from './release-latest';
import { releaseMajorFlags } from './release-major';
import { releasePatchFlags } from './release-patch';
import { releaseRcFlags } from './release-rc';
import { releaseStatusFlags } from './release-status';
import { releaseTagFlags } from './release-tag';
import { releaseTrustFlags } from './release-trust';
import { releaseYankFlags } from './release-yank';
import { verifyFlags } from './verify';

const all: FlagSchema[] = [
  releaseMajorFlags,
  releaseLatestFlags,
  releasePatchFlags,
  releaseRcFlags,
  releaseTagFlags,
  publishFlags,
  publishPlanFlags,
  verifyFlags,
  releaseYankFlags,
  releaseArtifactsFlags,
  releaseAssetsFlags,
  releaseBindingsFlags,
  nxReleasePublishFlags,
  releaseStatusFlags,
  releaseTrustFlags,
];

export const executorFlags: Record<string, FlagSchema> = Object.fromEntries(all.map((f) => [f.name, f]));
