import { UsageError } from "../lib/usage-error";

export const DEFAULT_HUB_URL = "https://huggingface.co";

export interface HubDatasetRef {
  /** "owner/name" */
  name: string;
  /** A branch, tag or commit; undefined means main. */
  revision: string | undefined;
}

// The Hub's own rule for repo ids: letters, digits, "-", "_", "."; no "--" or "..", no leading or trailing "-" or ".".
const PART = /^(?!.*(--|\.\.))[A-Za-z0-9][\w.-]{0,94}(?<![-.])$/;

/** "owner/name" or "owner/name@revision", as people wrote it and as messages name it. */
export const refLabel = (ref: HubDatasetRef) => (ref.revision ? `${ref.name}@${ref.revision}` : ref.name);

/** Parses "owner/name" (and, where allowed, "owner/name@revision") or says what is wrong. */
export function parseHubRepo(value: string, flag: string, allowRevision: boolean): HubDatasetRef {
  const at = value.lastIndexOf("@");
  const name = allowRevision && at > 0 ? value.slice(0, at) : value;
  const revision = allowRevision && at > 0 ? value.slice(at + 1) : undefined;
  const parts = name.split("/");
  if (parts.length !== 2 || !parts.every((part) => PART.test(part))) {
    throw new UsageError(`${flag} must be a dataset id like owner/name${allowRevision ? "[@revision]" : ""}, got "${value}"`);
  }
  if (revision !== undefined && !/^[\w./-]{1,200}$/.test(revision)) {
    throw new UsageError(`${flag}: "${revision}" is not a branch, tag or commit`);
  }
  return { name, revision };
}

/**
 * HF_TOKEN from the environment. Required to publish; optional to read a
 * public dataset. The token itself never goes into a message. A missing or
 * malformed token is the environment's problem, not the command line's: exit 1,
 * as for a missing CLOUDFLARE_API_TOKEN.
 */
export function hubToken(env: NodeJS.ProcessEnv, required: boolean): string | undefined {
  const token = env.HF_TOKEN?.trim() || undefined;
  if (!token && required) {
    throw new Error("--hub needs HF_TOKEN in the environment (a write token from https://huggingface.co/settings/tokens); nothing was embedded or written");
  }
  if (token && !token.startsWith("hf_")) {
    throw new Error("HF_TOKEN is not a Hugging Face access token (those start with hf_); nothing was embedded or written");
  }
  return token;
}
