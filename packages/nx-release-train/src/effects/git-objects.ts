/**
 * One `git cat-file --batch` process answering object reads as they come: names in (`<rev>`,
 * `<rev>^{commit}`, `<rev>:<path>`), whole objects out, in order. Starting a git process is
 * most of what a small read costs (the fork of this process, 100 MB with Nx loaded), so a
 * command's reads share one (effects/git.ts, `Git.reading`).
 */
import { ReleaseError } from '../core/errors';
import { runBytes } from './exec';

export interface GitObject {
  oid: string;
  type: string;
  bytes: Buffer;
}

interface Waiter {
  resolve: (object: GitObject | null) => void;
  reject: (err: unknown) => void;
}

/**
 * What the process reads: request lines as they are written, until `end`. An iterator rather
 * than a generator, so the stream feeding a process that stopped can end it while it waits.
 */
class Requests implements AsyncIterable<Uint8Array> {
  private readonly queued: Buffer[] = [];
  private ended = false;
  private waiter: ((next: IteratorResult<Uint8Array>) => void) | undefined;

  push(text: string): void {
    this.queued.push(Buffer.from(text, 'utf8'));
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  private take(): IteratorResult<Uint8Array> | undefined {
    if (this.queued.length > 0) return { value: Buffer.concat(this.queued.splice(0)), done: false };
    return this.ended ? { value: undefined, done: true } : undefined;
  }

  private wake(): void {
    const next = this.waiter && this.take();
    if (!next) return;
    const waiter = this.waiter!;
    this.waiter = undefined;
    waiter(next);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return {
      next: () => Promise.resolve(this.take() ?? new Promise<IteratorResult<Uint8Array>>((resolve) => (this.waiter = resolve))),
      return: () => {
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (\S+) (\d+)$/;

export class ObjectReader {
  private readonly waiting: Waiter[] = [];
  private readonly requests = new Requests();
  private pending: Buffer = Buffer.alloc(0);
  private failure: unknown;
  private readonly exited: Promise<void>;

  constructor(cwd: string) {
    this.exited = runBytes('git', ['cat-file', '--batch'], { cwd, stdin: this.requests, onStdout: (chunk) => this.feed(chunk) }).then(
      () => this.fail(new Error('git cat-file --batch stopped before answering every read')),
      (err: unknown) => this.fail(err),
    );
  }

  /** The objects named, in order; null for a name git does not find (or finds ambiguous). */
  read(names: readonly string[]): Promise<Array<GitObject | null>> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    // cat-file reads one name per line: a name holding a line break would shift every answer after it.
    const broken = names.find((n) => n.includes('\n'));
    if (broken !== undefined) return Promise.reject(new ReleaseError(`cannot read ${JSON.stringify(broken)} from git: it holds a line break`, 'rename it'));
    const answers = names.map(() => new Promise<GitObject | null>((resolve, reject) => this.waiting.push({ resolve, reject })));
    this.requests.push(names.map((n) => `${n}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ends the process once it has answered what was asked. */
  async close(): Promise<void> {
    this.requests.end();
    await this.exited;
  }

  private fail(err: unknown): void {
    this.failure ??= err;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }

  private feed(chunk: Buffer): void {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.waiting.length > 0) {
      const nl = this.pending.indexOf(0x0a);
      if (nl < 0) return;
      const header = this.pending.subarray(0, nl).toString('utf8');
      const m = HEADER.exec(header);
      if (!m) {
        if (!header.endsWith(' missing') && !header.endsWith(' ambiguous')) return this.fail(new Error(`git cat-file --batch answered "${header}"`));
        this.pending = this.pending.subarray(nl + 1);
        this.waiting.shift()!.resolve(null);
        continue;
      }
      const size = Number(m[3]);
      if (this.pending.length < nl + 1 + size + 1) return;
      const bytes = this.pending.subarray(nl + 1, nl + 1 + size);
      this.pending = this.pending.subarray(nl + 2 + size);
      this.waiting.shift()!.resolve({ oid: m[1], type: m[2], bytes });
    }
  }
}
