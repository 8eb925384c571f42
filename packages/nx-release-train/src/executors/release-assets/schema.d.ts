export interface ReleaseAssetsSchema {
  version?: string;
  targets?: string;
}
