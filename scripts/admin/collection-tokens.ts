import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../src/sha256-hex";

/** A token as listed: never its value, which is printed once when it is made and not kept. */
export interface TokenRow {
  id: string;
  collection: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A new token: 32 random bytes, base64url, with a prefix that says what it is when it turns up in a config file. */
export const newToken = () => `faqedge_${randomBytes(32).toString("base64url")}`;

/** Stores a new token for `collection` (its SHA-256 only) and returns its id and value. */
export async function createToken(db: D1Database, collection: string, now: number): Promise<{ id: string; token: string }> {
  const token = newToken();
  const id = randomBytes(6).toString("hex");
  await db.prepare("INSERT INTO admin_tokens (id, collection, token_hash, created_at, revoked_at) VALUES (?1, ?2, ?3, ?4, NULL)")
    .bind(id, collection, await sha256Hex(token), now).all();
  return { id, token };
}

/** Every token, or a collection's, newest first. */
export async function listTokens(db: D1Database, collection?: string): Promise<TokenRow[]> {
  const where = collection === undefined ? "" : " WHERE collection = ?1";
  const statement = db.prepare(`SELECT id, collection, created_at, revoked_at FROM admin_tokens${where} ORDER BY created_at DESC, id`);
  const { results } = await (collection === undefined ? statement : statement.bind(collection)).all<{ id: string; collection: string; created_at: number; revoked_at: number | null }>();
  return results.map((row) => ({
    id: row.id,
    collection: row.collection,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  }));
}

/** Revokes a token by id: it is refused from the next request on. False when no live token has that id. */
export async function revokeToken(db: D1Database, id: string, now: number): Promise<boolean> {
  const before = await db.prepare("SELECT id FROM admin_tokens WHERE id = ?1 AND revoked_at IS NULL").bind(id).all();
  if (before.results.length === 0) return false;
  await db.prepare("UPDATE admin_tokens SET revoked_at = ?2 WHERE id = ?1").bind(id, now).all();
  return true;
}
