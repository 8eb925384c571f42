export interface ReleasePatchSchema {
  target?: string;
  line?: string;
  force?: boolean;
  dryRun?: boolean;
  date?: string;
  push?: boolean;
}
