import { HubApiError } from "@huggingface/hub";

/** A failed Hub call as one line: the status and the Hub's own message (which never holds the token). */
export function hubFailure(action: string, error: unknown): Error {
  if (error instanceof HubApiError) return new Error(`${action} failed on the Hub (${error.statusCode}): ${error.message}`);
  return new Error(`${action} failed: ${error instanceof Error ? error.message : String(error)}`);
}
