/** Bindings and variables the Worker reads. All variables are strings, as Workers deliver them. */
export interface Env {
  /** Holds the index blobs and the pointer to the current one. */
  FAQ_KV: KVNamespace;
  /** The unanswered-question inbox and the widget's feedback (optional: without it nothing is logged). */
  FAQ_DB?: D1Database;
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
  /** "off": no unanswered question and no feedback is stored. */
  LOG_QUESTIONS?: string;
  RETENTION_DAYS?: string;
  MAX_LOGGED_QUESTIONS?: string;
  /** Bearer token for /admin/* (a secret; without it /admin/* does not exist). */
  ADMIN_TOKEN?: string;
}

/**
 * Every variable the Worker reads, as docs/configuration.md documents them: `npm start`
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
  { name: "LOG_QUESTIONS", secret: false },
  { name: "RETENTION_DAYS", secret: false },
  { name: "MAX_LOGGED_QUESTIONS", secret: false },
  { name: "ADMIN_TOKEN", secret: true },
] as const satisfies ReadonlyArray<{ name: keyof Env; secret: boolean }>;
