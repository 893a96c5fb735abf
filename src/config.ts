import type { Env } from "./env";
import { ConfigError } from "./errors";

export const DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2";
/** all-MiniLM-L6-v2's embedding width. */
export const DEFAULT_MODEL_DIM = 384;

export interface WorkerConfig {
  model: string;
  /** Expected embedding dimension; null means "whatever the index says". */
  dim: number | null;
  accessToken: string | undefined;
  endpointUrl: string | undefined;
  /** Total time one query embedding may take, retries included. */
  embedTimeoutMs: number;
  embedMaxRetries: number;
  /** `["*"]` allows every origin. */
  allowedOrigins: string[];
  indexRecheckMs: number;
  /** False with LOG_QUESTIONS=off: no question and no feedback is stored. */
  logQuestions: boolean;
  /** Stored questions and feedback older than this are deleted by the daily cron. */
  retentionDays: number;
  /** At most this many distinct questions (and feedback rows) are kept; the least recent go first. */
  maxLoggedQuestions: number;
  /** Bearer token of /admin/*; undefined: the owner's view is off. */
  adminToken: string | undefined;
}

function integerVar(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/** Shortest ADMIN_TOKEN accepted: 32 characters of a random token are beyond guessing at the rate limit's pace. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/**
 * ADMIN_TOKEN, or undefined when unset (the owner's view is off). White
 * space around it is dropped (a pasted line end); inside it, or a token
 * under MIN_ADMIN_TOKEN_LENGTH, is refused: a bearer token cannot carry
 * white space, so nobody could ever log in, and a short one can be guessed.
 */
function adminTokenVar(raw: string | undefined): string | undefined {
  const token = raw?.trim();
  if (!token) return undefined;
  if (/\s/.test(token)) throw new ConfigError("ADMIN_TOKEN must not contain white space: a bearer token cannot carry it, so nobody could log in.");
  if ([...token].length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (for example: openssl rand -hex 24).`);
  }
  return token;
}

/** "on" (the default) or "off". */
function switchVar(name: string, raw: string | undefined): boolean {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new ConfigError(`${name} must be on or off.`);
}

/**
 * The CORS allowlist from ALLOWED_ORIGINS: comma-separated origins, `["*"]`
 * (the default) for every origin. Read apart from readConfig because it
 * cannot fail, so even an answer about a broken setting reaches the browser.
 */
export function allowedOrigins(env: Pick<Env, "ALLOWED_ORIGINS">): string[] {
  const origins = (env.ALLOWED_ORIGINS ?? "*")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  return origins.length > 0 ? origins : ["*"];
}

/**
 * Reads the Worker's configuration from its bindings. Defaults: model
 * all-MiniLM-L6-v2 (384 dimensions), 3 s embedding budget, 2 retries, every origin allowed,
 * index pointer rechecked every 60 s, unanswered questions logged and kept 90 days (at most 100,000).
 */
export function readConfig(env: Env): WorkerConfig {
  const endpointUrl = env.HF_ENDPOINT_URL?.trim() || undefined;
  if (endpointUrl && !/^https?:\/\//.test(endpointUrl)) {
    throw new ConfigError("HF_ENDPOINT_URL must be an http(s) URL.");
  }
  const model = env.EMBED_MODEL?.trim() || DEFAULT_MODEL;
  // Unset: the default model's width (other models: the index's). Set but blank: whatever the index says.
  const dim = env.EMBED_DIM === undefined
    ? (model === DEFAULT_MODEL ? DEFAULT_MODEL_DIM : null)
    : env.EMBED_DIM.trim() ? integerVar("EMBED_DIM", env.EMBED_DIM, 0, 1, 65536) : null;
  return {
    model,
    dim,
    accessToken: env.HF_TOKEN?.trim() || undefined,
    endpointUrl,
    embedTimeoutMs: integerVar("EMBED_TIMEOUT_MS", env.EMBED_TIMEOUT_MS, 3000, 100, 60000),
    embedMaxRetries: integerVar("EMBED_MAX_RETRIES", env.EMBED_MAX_RETRIES, 2, 0, 10),
    allowedOrigins: allowedOrigins(env),
    indexRecheckMs: integerVar("INDEX_RECHECK_SECONDS", env.INDEX_RECHECK_SECONDS, 60, 0, 3600) * 1000,
    logQuestions: switchVar("LOG_QUESTIONS", env.LOG_QUESTIONS),
    retentionDays: integerVar("RETENTION_DAYS", env.RETENTION_DAYS, 90, 1, 3650),
    maxLoggedQuestions: integerVar("MAX_LOGGED_QUESTIONS", env.MAX_LOGGED_QUESTIONS, 100_000, 1, 10_000_000),
    adminToken: adminTokenVar(env.ADMIN_TOKEN),
  };
}
