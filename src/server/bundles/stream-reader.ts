/** The stream ended before the bytes a reader was promised. */
export class TruncatedStreamError extends Error {
  override readonly name = 'TruncatedStreamError';
}

/**
 * Reads a byte stream in the pieces a bundle is made of (a line, n bytes, n bytes in
 * chunks), pulling from the source only when asked: it holds at most the one chunk the
 * source last gave, so a large body never gathers in memory.
 */
export class StreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private pending: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  /** Makes `pending` non-empty if the stream has more; false at its end. */
  private async fill(): Promise<boolean> {
    while (this.pending.length === 0) {
      if (this.ended) return false;
      const { done, value } = await this.reader.read();
      if (done) this.ended = true;
      else this.pending = value;
    }
    return true;
  }

  private take(max: number): Uint8Array {
    const piece = this.pending.subarray(0, max);
    this.pending = this.pending.subarray(piece.length);
    return piece;
  }

  /** The text up to the next newline (which is consumed); null if none in `maxBytes`. */
  async readLine(maxBytes: number): Promise<string | null> {
    const bytes: number[] = [];
    while (bytes.length <= maxBytes) {
      if (!(await this.fill())) return null;
      const newline = this.pending.indexOf(10);
      const piece = this.take(newline === -1 ? this.pending.length : newline + 1);
      for (const byte of piece) bytes.push(byte);
      if (newline !== -1) return new TextDecoder().decode(new Uint8Array(bytes.slice(0, -1)));
    }
    return null;
  }

  /** Exactly `size` bytes in one buffer, for the small parts (the manifest, the signature). */
  async readExactly(size: number): Promise<Uint8Array<ArrayBuffer>> {
    const out = new Uint8Array(size);
    let filled = 0;
    for await (const chunk of this.chunks(size)) {
      out.set(chunk, filled);
      filled += chunk.length;
    }
    return out;
  }

  /** Exactly `size` bytes, as the chunks the source gives them (a photo's). */
  async *chunks(size: number): AsyncGenerator<Uint8Array> {
    let left = size;
    while (left > 0) {
      if (!(await this.fill()))
        throw new TruncatedStreamError(`the data ends ${left} bytes short of the expected end`);
      const piece = this.take(left);
      left -= piece.length;
      yield piece;
    }
  }

  /** True when nothing follows. */
  async isAtEnd(): Promise<boolean> {
    return !(await this.fill());
  }

  /**
   * Reads and drops whatever is left. A server that answered before reading the whole
   * request would have its connection reset by the client's network stack, and the
   * sender would see a network error instead of the reason for the refusal.
   */
  async discardRest(): Promise<void> {
    try {
      while (await this.fill()) this.pending = new Uint8Array(0);
    } catch {
      await this.reader.cancel().catch(() => undefined);
    }
  }
}
