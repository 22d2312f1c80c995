/** Thrown when an upload goes over its size limit while it streams. */
export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The upload is larger than ${Math.round(limitBytes / 1024 / 1024)} MB.`);
    this.name = 'UploadTooLargeError';
  }
}

/** Passes the chunks of a stream through, failing once more than `limitBytes` went by. */
export async function* limitBytes(
  source: AsyncIterable<Uint8Array | string>,
  limit: number,
): AsyncGenerator<Uint8Array | string> {
  let total = 0;
  for await (const chunk of source) {
    total += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (total > limit) throw new UploadTooLargeError(limit);
    yield chunk;
  }
}
