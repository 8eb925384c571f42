export interface ReleaseRcSchema {
  target?: string | number;
  line?: string | number;
  dryRun?: boolean;
  push?: boolean;
}
