import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { collectionOfToken } from "../inbox/collection-tokens";
import { sha256Hex } from "../sha256-hex";

/**
 * Compares two secrets in constant time: both are hashed first, so the
 * comparison always runs over 64 hex digits whatever their lengths, and every
 * digit is compared whatever the first difference.
 */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256Hex(given), sha256Hex(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

const unauthorized = () => new ApiError(401, "unauthorized", "This path needs Authorization: Bearer with the ADMIN_TOKEN or a collection token.", {
  "WWW-Authenticate": 'Bearer realm="faq-edge admin"',
});

/**
 * The owner's view is behind `Authorization: Bearer`: ADMIN_TOKEN opens every
 * collection, a collection token (`npm run admin -- token create`, stored
 * hashed in D1) opens one. Without ADMIN_TOKEN configured the view does not
 * exist (404, like any unknown path); a missing, wrong or revoked token is
 * 401. Answers are never cached.
 */
export const adminAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.get("config").adminToken;
  if (!expected) throw new ApiError(404, "not_found", "No such path.");
  const given = /^Bearer +(\S+) *$/i.exec(c.req.header("authorization") ?? "")?.[1];
  if (!given) throw unauthorized();
  if (await sameSecret(given, expected)) {
    c.set("adminScope", { collection: null });
  } else {
    // looked up by its hash: what a timing difference could tell is the hash, not the token
    // A database that cannot be read is not a wrong token: 401 would tell a
    // scripted owner to stop retrying, and hide the outage from the one who can fix it.
    const collection = c.env.FAQ_DB
      ? await collectionOfToken(c.env.FAQ_DB, given).catch(() => {
        throw new ApiError(503, "no_database", "The database could not be read to check this token; try again shortly.");
      })
      : null;
    if (collection === null) throw unauthorized();
    c.set("adminScope", { collection });
  }
  await next();
  c.header("Cache-Control", "no-store");
};
