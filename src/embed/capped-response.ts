/** The embedding service answered more bytes than an embedding of the asked size can take. */
export class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer is larger than ${limit} bytes`);
    this.name = "ResponseTooLarge";
  }
}

/** Bytes one number takes in a JSON answer at most: a sign, 17 significant digits, a point, an exponent, a comma. */
const BYTES_PER_NUMBER = 26;
/**
 * Token vectors per text a token-level answer may hold (it is mean-pooled
 * here): the sentence-transformers models cut their input at 256 or fewer.
 */
const MAX_TOKENS = 256;
/** Width assumed when the dimension is not known yet. */
const UNKNOWN_DIM = 4096;
/** Brackets, white space and the odd field. */
const SLACK_BYTES = 64 * 1024;

/** The most bytes a feature-extraction answer for `texts` texts of `dim` dimensions can need, token-level included. */
export const maxEmbeddingBytes = (texts: number, dim: number | null) => texts * MAX_TOKENS * (dim ?? UNKNOWN_DIM) * BYTES_PER_NUMBER + SLACK_BYTES;

/**
 * The response with its body cut off at `limit` bytes: a declared
 * Content-Length over it, or reading past it, fails with ResponseTooLarge
 * (also handed to `exceeded`, since a client reading the body may wrap the
 * error), so a runaway upstream cannot make the Worker read and parse megabytes.
 */
export async function capResponse(response: Response, limit: number, exceeded: (error: ResponseTooLarge) => void): Promise<Response> {
  if (!response.body) return response;
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) {
    await response.body.cancel();
    const error = new ResponseTooLarge(limit);
    exceeded(error);
    throw error;
  }
  let read = 0;
  const counted = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      read += chunk.byteLength;
      if (read <= limit) return controller.enqueue(chunk);
      const error = new ResponseTooLarge(limit);
      exceeded(error);
      controller.error(error);
    },
  }));
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
