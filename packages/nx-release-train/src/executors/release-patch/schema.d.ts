export interface ReleasePatchSchema {
  target?: string | number;
  line?: string | number;
  force?: boolean;
  dryRun?: boolean;
  date?: string;
  push?: boolean;
}
