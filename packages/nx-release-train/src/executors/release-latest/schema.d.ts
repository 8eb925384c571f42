export interface ReleaseLatestSchema {
  dryRun?: boolean;
  date?: string;
  push?: boolean;
}
