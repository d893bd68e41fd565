/** More bytes arrived than the file said it had. */
export class TooManyBytes extends Error {}

/**
 * Reads an upload's chunks in order: first just enough to tell what the file is, then the rest,
 * never more than `limit` bytes in all.
 */
export class ChunkReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private pending: Uint8Array[] = [];
  private count = 0;

  constructor(
    chunks: AsyncIterable<Uint8Array>,
    private readonly limit: number,
  ) {
    this.iterator = chunks[Symbol.asyncIterator]();
  }

  /** Bytes read so far. */
  get total(): number {
    return this.count;
  }

  /** The first `bytes` bytes (fewer if the file is shorter); they are handed out again by `rest`. */
  async head(bytes: number): Promise<Uint8Array> {
    while (this.buffered() < bytes) {
      const chunk = await this.next();
      if (!chunk) break;
      this.pending.push(chunk);
    }
    return concat(this.pending).subarray(0, bytes);
  }

  /** Every chunk not yet handed out, in order; throws TooManyBytes past the limit. */
  async *rest(): AsyncIterable<Uint8Array> {
    const held = this.pending;
    this.pending = [];
    yield* held;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) yield chunk;
  }

  /** The whole file in memory (photos only: at most 20 MB). */
  async all(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for await (const chunk of this.rest()) parts.push(chunk);
    return concat(parts);
  }

  private buffered(): number {
    return this.pending.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  private async next(): Promise<Uint8Array | undefined> {
    const { value, done } = await this.iterator.next();
    if (done || !value) return undefined;
    this.count += value.length;
    if (this.count > this.limit) throw new TooManyBytes('More bytes than declared');
    return value;
  }
}

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}
