import { sha256Hex } from "../sha256-hex";

/** The collection a collection token opens, or null when no live token has this value. Only hashes are stored. */
export async function collectionOfToken(db: D1Database, token: string): Promise<string | null> {
  const row = await db.prepare("SELECT collection FROM admin_tokens WHERE token_hash = ?1 AND revoked_at IS NULL")
    .bind(await sha256Hex(token))
    .first<{ collection: string }>();
  return row?.collection ?? null;
}
