export interface ReleaseYankExecutorSchema {
  registry?: string;
  dryRun?: boolean;
  maxRateLimitWait?: number;
  maxAttempts?: number;
  backoff?: number;
}
