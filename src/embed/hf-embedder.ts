import { UpstreamError } from "../errors";
import { capResponse, maxEmbeddingBytes, type ResponseTooLarge } from "./capped-response";
import { EmbeddingShapeError, toUnitVectors } from "./embedding-shape";
import { retryDelayMs, type FailedAttempt } from "./retry-delay";
import type { TextEmbedder } from "./text-embedder";

export interface HfEmbedderOptions {
  model: string;
  accessToken?: string;
  /** A dedicated feature-extraction endpoint; defaults to the HF Inference API for `model`. */
  endpointUrl?: string;
  /** Expected dimension, or null to accept any. */
  dim: number | null;
  /** Total time for one `embed` call, retries and waits included. Default 3000. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff step when the server gives no hint. Default 100. */
  baseDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The hf-inference route for a model. Passing it as `endpointUrl` pins the
 * provider: the client then skips its per-isolate provider-mapping lookup on the Hub.
 */
export const hfInferenceUrl = (model: string) =>
  `https://router.huggingface.co/hf-inference/models/${model}/pipeline/feature-extraction`;

/**
 * A 2xx answer that is not a usable embedding. Not retried: a server that
 * answers malformed JSON, NaN or the wrong shape does so for every try (wrong
 * pipeline, wrong model, a bug), and retries would only spend the time budget
 * that a degraded answer can use instead.
 */
const badResponse = (why: string) =>
  new UpstreamError("upstream_bad_response", `The embedding service answered with unusable data: ${why}.`);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The client, loaded on the first embedding: evaluating the package was about
 * a fifth of a cold start's module setup, and an isolate that only answers
 * words (the widget while a visitor types) or from its caches never needs it.
 */
const loadClient = () => import("./hf-inference");
type HfModule = Awaited<ReturnType<typeof loadClient>>;

/**
 * An embedder over `@huggingface/inference` feature extraction, with a time
 * budget and bounded retries of its own (the client's `retry_on_error` would
 * retry 503s without delay or limit, so it is turned off).
 */
export function createHfEmbedder(options: HfEmbedderOptions): TextEmbedder {
  const { model, dim } = options;
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxRetries = options.maxRetries ?? 2;
  const baseDelayMs = options.baseDelayMs ?? 100;
  const sleep = options.sleep ?? defaultSleep;
  const baseFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const endpointUrl = options.endpointUrl ?? hfInferenceUrl(model);

  async function attempt(hf: HfModule, texts: string[], signal: AbortSignal): Promise<{ output?: unknown; failure?: FailedAttempt }> {
    const { InferenceClient, InferenceClientProviderApiError, InferenceClientProviderOutputError } = hf;
    let retryAfterHeader: string | null = null;
    let answeredOk = false;
    let tooLarge: ResponseTooLarge | null = null;
    // The client hides response headers; a thin fetch wrapper keeps Retry-After
    // and whether the server said 2xx (then a parse failure is its answer, not the network's),
    // and cuts the body off where no embedding of this size could still be going.
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await baseFetch(input, init);
      retryAfterHeader = response.headers.get("retry-after");
      answeredOk = response.ok;
      return capResponse(response, maxEmbeddingBytes(texts.length, dim), (error) => {
        tooLarge = error;
      });
    };
    const client = new InferenceClient(options.accessToken, { endpointUrl });
    try {
      const output = await client.featureExtraction(
        { inputs: texts.length === 1 ? texts[0]! : texts, model },
        { fetch: recordingFetch, signal, retry_on_error: false },
      );
      return { output };
    } catch (error) {
      if (error instanceof InferenceClientProviderApiError) {
        return { failure: { status: error.httpResponse.status, body: error.httpResponse.body, retryAfterHeader } };
      }
      if (signal.aborted) throw new UpstreamError("upstream_timeout", "The embedding service did not answer in time.");
      if (tooLarge) throw badResponse((tooLarge as ResponseTooLarge).message);
      // A 2xx whose body is not JSON (say NaN from a Python server) is as unusable as a wrong shape.
      if (error instanceof InferenceClientProviderOutputError || answeredOk) throw badResponse("its answer is not an embedding");
      // Network failure: no status to go on.
      return { failure: { status: null, body: null, retryAfterHeader: null } };
    }
  }

  return {
    model,
    async embed(texts: string[]): Promise<Float32Array[]> {
      // loaded before the clock starts: the time budget is the embedding service's
      const hf = await loadClient();
      const deadline = Date.now() + timeoutMs;
      for (let attemptNumber = 0; ; attemptNumber++) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new UpstreamError("upstream_timeout", "The embedding service did not answer in time.");
        const { output, failure } = await attempt(hf, texts, AbortSignal.timeout(remaining));
        if (!failure) {
          try {
            return toUnitVectors(output, texts.length, dim);
          } catch (error) {
            if (error instanceof EmbeddingShapeError) throw badResponse(error.message);
            throw error;
          }
        }
        const delay = retryDelayMs(failure, attemptNumber, baseDelayMs);
        if (delay === null || attemptNumber >= maxRetries) {
          throw new UpstreamError("upstream_error", `The embedding service failed${failure.status ? ` with status ${failure.status}` : ""}.`);
        }
        if (Date.now() + delay >= deadline) {
          throw new UpstreamError("upstream_timeout", "The embedding service asked to wait longer than the time budget allows.");
        }
        await sleep(delay);
      }
    },
  };
}
