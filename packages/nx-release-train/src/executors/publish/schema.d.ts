export interface PublishExecutorSchema {
  registry?: string;
  dryRun?: boolean;
  noVerify?: boolean;
  indexTimeout?: number;
  maxAttempts?: number;
  backoff?: number;
  maxRateLimitWait?: number;
  concurrency?: number;
}
