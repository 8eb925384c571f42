export interface ReleaseArtifactsExecutorSchema {
  version?: string;
  targets?: string | string[];
  dryRun?: boolean;
  skipRelease?: boolean;
  repository?: string;
  githubApiUrl?: string;
  /** Plugin settings (e.g. `artifacts`) given on the target override those in nx.json. */
  [setting: string]: unknown;
}
