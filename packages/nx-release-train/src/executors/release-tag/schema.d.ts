export interface ReleaseTagSchema {
  dryRun?: boolean;
  push?: boolean;
  branch?: string;
  via?: 'git' | 'api';
}
