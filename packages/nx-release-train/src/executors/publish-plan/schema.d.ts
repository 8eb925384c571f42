export interface PublishPlanExecutorSchema {
  registry?: string;
  parallel?: number;
  publishSeconds?: number;
  indexSeconds?: number;
  burst?: number;
  interval?: number;
  newCrateBurst?: number;
  newCrateInterval?: number;
  trusted?: boolean;
  offline?: boolean;
  dryRun?: boolean;
}
