import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../src/app-env";
import { readConfig } from "../../src/config";
import { isolate } from "../../src/isolate";
import { withIndexOrNull } from "../../src/routes/admin-context";
import { faq, publish, resetIndex } from "./helpers";

/** A route that reports, from inside withIndexOrNull, what it was given and whether the index was leased meanwhile. */
const probe = new Hono<AppEnv>()
  .use(async (c, next) => {
    c.set("config", readConfig(c.env));
    await next();
  })
  .get("/:name", async (c) => {
    const name = c.req.param("name");
    const inside = await withIndexOrNull(c, name, async (index) => ({ count: index?.count ?? null, leased: isolate().collections.cacheOf(name)?.inUse() ?? false }));
    return c.json({ inside, after: isolate().collections.cacheOf(name)?.inUse() ?? false });
  });

beforeAll(async () => {
  await resetIndex();
  await publish([faq("1", "reset password"), faq("2", "download invoice")], [[1, 0, 0, 0], [0, 1, 0, 0]]);
});

describe("the owner's routes and the served index", () => {
  it("hold the index's lease while the answer is built from it, and release it after", async () => {
    const response = await probe.request("/default", {}, env);
    expect(await response.json()).toEqual({ inside: { count: 2, leased: true }, after: false });
  });

  it("go on without an index when the collection has none", async () => {
    const response = await probe.request("/no-such-collection", {}, env);
    expect(await response.json()).toEqual({ inside: { count: null, leased: false }, after: false });
  });
});
