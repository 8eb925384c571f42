/**
 * Publishes one crate version, resumably: skip it when the index already has it (after
 * checking the checksum against the locally packaged crate), otherwise upload the `.crate`
 * the preflight packaged (effects/crate-upload.ts: no second packaging by `cargo publish`),
 * retrying as core/publishing/retry decides, and succeed only once the index shows it. Every
 * side effect comes in through `PublishDeps`, so tests can drive it with fakes.
 */
import { expectedWindow, nextReadIn, type DelaySample, type PollPolicy } from '../../core/publishing/index-poll';
import { onAuthFailure } from '../../core/publishing/trusted';
import { ReleaseError } from '../../core/errors';
import { afterRetry, decide, type RetryPolicy, type RetryState } from '../../core/publishing/retry';
import type { UploadAnswer } from '../../effects/crate-upload';
import type { IndexClient, IndexVersion } from '../../effects/registry-client';

export interface PublishDeps {
  /** One try at uploading the packaged crate with this token (the registry's answer, read). */
  upload(token: string | undefined): Promise<UploadAnswer>;
  index: IndexClient;
  sha256(file: string): Promise<string>;
  now(): number;
  sleep(ms: number): Promise<void>;
  log(line: string): void;
  /** Called once the upload is done, before waiting for the index (a batch gives the upload slot to the next crate). */
  uploaded?(): void;
  /** Trusted publishing: the run's minted token, sent in place of the registry token. */
  auth?: { token(): Promise<string>; renew(stale: string, since: number): Promise<string> };
  /** How long this run's uploads took to show in the index (shared by a batch's crates; learned here). */
  indexDelays?: DelaySample[];
}

export interface UploadRequest {
  crate: string;
  version: string;
  registry: string | null;
  /** The `.crate` the preflight packaged: uploaded, and compared with the index's checksum. */
  file: string;
  /** Its checksum, when the preflight took it (else it is read from `file`). */
  cksum?: string;
  /** The index's versions of the crate as the preflight read them (else it is read again). */
  inIndex?: IndexVersion[];
  /** The registry's token from the environment (trusted publishing replaces it). Never printed. */
  token?: string;
  dryRun: boolean;
  retry: RetryPolicy;
  /** How long to wait for an uploaded version to show in the index. */
  indexTimeoutMs: number;
  /** When to read the index while waiting (core/publishing/index-poll.ts). */
  poll: PollPolicy;
}

export type PublishOutcome = 'skipped' | 'published' | 'would-publish';

/**
 * A crate that could not be published. Most messages state their fix in the text (the
 * publish log reads as sentences); the fix is also kept as a field.
 */
export class PublishError extends ReleaseError {
  constructor(message: string, fix = message.split(' Fix: ')[1] ?? 'fix what the message says, then rerun: crates already published are skipped') {
    super(message, fix);
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function publishCrate(req: UploadRequest, deps: PublishDeps): Promise<PublishOutcome> {
  const id = `${req.crate}@${req.version}`;
  const where = req.registry ? `registry "${req.registry}"` : 'crates.io';
  const started = deps.now();

  // The preflight's read is the one that counts: an upload since then is refused as a
  // duplicate by the registry, and the index decides below ("confirm").
  const found = req.inIndex ? req.inIndex.find((v) => v.vers === req.version) : await findVersion(req, deps);
  if (found) {
    await checkSame(req, deps, found);
    deps.log(`${id}: skipped, already in ${where} with the same checksum`);
    return 'skipped';
  }
  if (req.dryRun) {
    deps.log(`${id}: would publish to ${where} (dry run: nothing uploaded)`);
    return 'would-publish';
  }

  let state: RetryState = { transientFailures: 0, rateLimitedMs: 0 };
  let uploadedByUs = true;
  let lastTry = started;
  let renewed = false;
  let token = deps.auth ? await deps.auth.token() : req.token;
  for (;;) {
    lastTry = deps.now();
    const answer = await deps.upload(token);
    if (answer.ok) {
      // What the registry says about an accepted upload (ignored categories, badges), as cargo shows it.
      for (const w of answer.warnings) deps.log(`${id}: warning: ${w}`);
      break;
    }
    const { failure } = answer;
    if (failure.kind === 'auth' && deps.auth) {
      if (onAuthFailure(renewed) === 'stop') {
        throw new PublishError(
          `${where} refused the trusted-publishing token for ${id} twice (${failure.detail}). Nothing more was retried. ` +
            `Fix: check that ${req.crate} lists this repository and workflow as a trusted publisher on the registry.`,
        );
      }
      deps.log(`${id}: authentication failed (${failure.detail}); minting a new trusted-publishing token and retrying once`);
      renewed = true;
      token = await deps.auth.renew(token!, lastTry);
      continue;
    }
    const decision = decide(failure, state, req.retry, deps.now(), req);
    if (decision.kind === 'confirm') {
      // Uploaded earlier (an interrupted run, a dropped answer): the index decides.
      uploadedByUs = false;
      break;
    }
    if (decision.kind === 'stop') throw new PublishError(decision.message);
    deps.log(`${id}: retrying in ${Math.ceil(decision.waitMs / 1000)} s (${decision.reason})`);
    await deps.sleep(decision.waitMs);
    state = afterRetry(state, failure, decision.waitMs);
    // A rate-limit wait may outlast the token: take a fresh one (if due) for the next try.
    if (deps.auth) token = await deps.auth.token();
  }

  deps.uploaded?.();
  const visible = await waitForIndex(req, deps, uploadedByUs);
  await checkSame(req, deps, visible);
  deps.log(
    uploadedByUs ? `${id}: published to ${where} in ${secs(deps.now() - started)}` : `${id}: skipped, already uploaded to ${where} with the same checksum`,
  );
  return uploadedByUs ? 'published' : 'skipped';
}

/** The version in the index, if there; transient index errors are retried with backoff. */
async function findVersion(req: UploadRequest, deps: PublishDeps): Promise<IndexVersion | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await deps.index.versions(req.crate)).find((v) => v.vers === req.version);
    } catch (e) {
      if (attempt >= req.retry.maxAttempts) {
        throw new PublishError(`cannot read ${req.crate} from the registry index: ${(e as Error).message}`);
      }
      const wait = Math.min(req.retry.backoffMaxMs, req.retry.backoffMs * 2 ** (attempt - 1));
      deps.log(`${req.crate}@${req.version}: retrying the index read in ${Math.ceil(wait / 1000)} s (${(e as Error).message})`);
      await deps.sleep(wait);
    }
  }
}

/**
 * Reads the index until it shows the version, when core/publishing/index-poll.ts says; an
 * upload of ours teaches the run how long the index takes (`learn`: not for an earlier run's).
 */
async function waitForIndex(req: UploadRequest, deps: PublishDeps, learn: boolean): Promise<IndexVersion> {
  const id = `${req.crate}@${req.version}`;
  const uploadedAt = deps.now();
  const deadline = uploadedAt + req.indexTimeoutMs;
  const delays = deps.indexDelays ?? [];
  let told = false;
  let absentAt = 0;
  let reads = 0;
  for (;;) {
    const wait = Math.min(
      nextReadIn({ elapsed: deps.now() - uploadedAt, reads, window: expectedWindow(delays) }, req.poll),
      Math.max(0, deadline - deps.now()),
    );
    if (wait > 0) await deps.sleep(wait);
    reads++;
    const readAt = deps.now() - uploadedAt;
    let found: IndexVersion | undefined;
    let problem = '';
    try {
      found = (await deps.index.versions(req.crate)).find((v) => v.vers === req.version);
    } catch (e) {
      problem = ` (last index read failed: ${(e as Error).message})`;
    }
    if (found) {
      if (learn) delays.push({ lo: absentAt, hi: deps.now() - uploadedAt });
      return found;
    }
    if (!problem) absentAt = readAt;
    if (deps.now() >= deadline) {
      throw new PublishError(
        `${id} was uploaded but did not appear in the registry index within ${secs(req.indexTimeoutMs)}${problem}. ` +
          `Fix: rerun later (crates already in the index are skipped), or raise indexTimeout.`,
      );
    }
    if (!told) {
      deps.log(`${id}: waiting for the index to show it`);
      told = true;
    }
  }
}

/** The registry's checksum must equal the packaged crate's: same version, same bytes. */
async function checkSame(req: UploadRequest, deps: PublishDeps, inIndex: IndexVersion): Promise<void> {
  const id = `${req.crate}@${req.version}`;
  const local = req.cksum ?? (await deps.sha256(req.file));
  if (local !== inIndex.cksum) {
    throw new PublishError(
      `${id} is already in the registry with different content: the index has checksum ${inIndex.cksum}, ` +
        `the crate packaged from this checkout (${req.file}) has ${local}. A version can be published only once. ` +
        `Fix: check out the commit that was published, or release a new version.`,
    );
  }
}
