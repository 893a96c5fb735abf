import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error the API reports to its caller. `code` is stable and documented;
 * `message` is written for people and never carries secrets or internals.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  /** Extra response headers, such as `Allow` on a 405. */
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export const badRequest = (code: string, message: string) => new ApiError(400, code, message);

export type IndexProblemCode = "no_index" | "index_corrupt" | "model_mismatch" | "index_unavailable";

/**
 * The index in KV is missing, corrupt, unusable with this Worker's embedder,
 * or could not be read just now (index_unavailable: a KV failure, worth a
 * retry, so it carries Retry-After).
 */
export class IndexUnavailableError extends ApiError {
  declare readonly code: IndexProblemCode;

  constructor(code: IndexProblemCode, message: string) {
    super(503, code, message, code === "index_unavailable" ? { "Retry-After": "5" } : {});
    this.name = "IndexUnavailableError";
  }
}

/** The query embedding service failed, timed out, or answered with something unusable. */
export class UpstreamError extends ApiError {
  constructor(code: "upstream_error" | "upstream_timeout" | "upstream_bad_response", message: string, retryAfterSeconds = 5) {
    super(code === "upstream_timeout" ? 504 : 502, code, message, { "Retry-After": String(retryAfterSeconds) });
    this.name = "UpstreamError";
  }
}

/** The Worker's own configuration is invalid; the operator must fix it. */
export class ConfigError extends ApiError {
  constructor(message: string) {
    super(500, "config_invalid", message);
    this.name = "ConfigError";
  }
}
