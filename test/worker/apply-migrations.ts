// Runs before every Worker test file: the inbox schema from migrations/, as `wrangler d1 migrations apply` would.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(env.FAQ_DB!, env.TEST_MIGRATIONS);
