export interface ReleaseMajorSchema {
  dryRun?: boolean;
  date?: string;
  push?: boolean;
  allowDirty?: boolean;
}
