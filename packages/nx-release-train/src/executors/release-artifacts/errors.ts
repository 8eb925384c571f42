/** Shared by the release-artifacts files: where lines go, and failures the user can act on. */

export interface Log {
  info(line: string): void;
  warn(line: string): void;
}

/** A failure whose message is the whole story: what failed, what is left, what to do. */
export class ArtifactsError extends Error {}
