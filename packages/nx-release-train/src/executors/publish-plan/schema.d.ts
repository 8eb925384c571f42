export interface PublishPlanExecutorSchema {
  registry?: string;
  parallel?: number;
  publishSeconds?: number;
  burst?: number;
  interval?: number;
  newCrateBurst?: number;
  newCrateInterval?: number;
  offline?: boolean;
  dryRun?: boolean;
}
