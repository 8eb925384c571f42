/**
 * A long text (a diff) through Nx's task output without broken lines. Nx reads a forked
 * task's stdout in chunks of up to 64 KiB (a socket read) and prints each chunk's last piece
 * as a line of its own: a line that straddles two reads comes out split, and a diff printed in
 * one write is garbled every 64 KiB. Written in pieces of whole lines, each once the previous
 * one was accepted and after a pause for Nx to read it, every read ends at a line's end.
 */

/** Far under a read: a reader that falls behind by a few pieces still gets whole lines. */
export const PIECE_BYTES = 4 * 1024;
const PAUSE_MS = 4;

/** Whole lines of `text`, grouped into pieces of at most `max` bytes (a longer line is a piece of its own). */
export function pieces(text: string, max = PIECE_BYTES): string[] {
  const out: string[] = [];
  let piece = '';
  for (const line of text.split(/(?<=\n)/)) {
    if (piece && Buffer.byteLength(piece) + Buffer.byteLength(line) > max) {
      out.push(piece);
      piece = '';
    }
    piece += line;
  }
  if (piece) out.push(piece.endsWith('\n') ? piece : `${piece}\n`);
  return out;
}

export async function writeWhole(stream: NodeJS.WritableStream, text: string): Promise<void> {
  for (const piece of pieces(text)) {
    await new Promise<void>((done, fail) => stream.write(piece, (err) => (err ? fail(err) : done())));
    await new Promise((done) => setTimeout(done, PAUSE_MS));
  }
}
