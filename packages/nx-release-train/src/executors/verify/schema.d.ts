export interface VerifyExecutorSchema {
  registry?: string;
  dryRun?: boolean;
}
