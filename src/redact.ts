/** Hugging Face tokens, wherever they appear: a stack can quote a request or a URL. */
const HF_TOKEN_SHAPE = /hf_[A-Za-z0-9]{8,}/g;

/**
 * `text` with every secret replaced by [redacted]: the configured secrets
 * verbatim, and anything shaped like a Hugging Face token. Used on every
 * error line the Worker logs.
 */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let safe = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) safe = safe.split(secret).join("[redacted]");
  }
  return safe.replace(HF_TOKEN_SHAPE, "[redacted]");
}
