/** Bindings and variables the Worker reads. All variables are strings, as Workers deliver them. */
export interface Env {
  /** Holds the index blobs and the pointer to the current one. */
  FAQ_KV: KVNamespace;
  /** Per-client request limit for /faq (optional: without it there is none). */
  RATE_LIMITER?: RateLimit;
  /** Hugging Face access token (a secret; never logged or returned). */
  HF_TOKEN?: string;
  /** Dedicated feature-extraction endpoint (TEI, Inference Endpoint, local server). */
  HF_ENDPOINT_URL?: string;
  EMBED_MODEL?: string;
  EMBED_DIM?: string;
  EMBED_TIMEOUT_MS?: string;
  EMBED_MAX_RETRIES?: string;
  ALLOWED_ORIGINS?: string;
  INDEX_RECHECK_SECONDS?: string;
  /** "off" disables the per-client limit, for local measurements; anything else keeps it. */
  RATE_LIMIT?: string;
}

/**
 * Every variable the Worker reads, as documented in the README: `npm start`
 * passes each one given in the environment on to its Worker. Secrets go
 * through a private file rather than the command line.
 */
export const WORKER_VARIABLES = [
  { name: "EMBED_MODEL", secret: false },
  { name: "EMBED_DIM", secret: false },
  { name: "HF_TOKEN", secret: true },
  { name: "HF_ENDPOINT_URL", secret: false },
  { name: "EMBED_TIMEOUT_MS", secret: false },
  { name: "EMBED_MAX_RETRIES", secret: false },
  { name: "ALLOWED_ORIGINS", secret: false },
  { name: "INDEX_RECHECK_SECONDS", secret: false },
  { name: "RATE_LIMIT", secret: false },
] as const satisfies ReadonlyArray<{ name: keyof Env; secret: boolean }>;
