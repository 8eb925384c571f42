export interface ReleaseBindingsSchema {
  version?: string;
  dryRun?: boolean;
  only?: string | string[];
  githubApiUrl?: string;
}
