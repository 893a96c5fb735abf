import { describe, expect, it } from "vitest";
import { allowedOrigins, readConfig } from "./config";
import type { Env } from "./env";

const env = (vars: Partial<Env>) => ({ FAQ_KV: {} as KVNamespace, ...vars }) as Env;

describe("readConfig", () => {
  it("defaults to all-MiniLM-L6-v2 with its 384 dimensions", () => {
    expect(readConfig(env({}))).toMatchObject({ model: "sentence-transformers/all-MiniLM-L6-v2", dim: 384, embedTimeoutMs: 3000, embedMaxRetries: 2, allowedOrigins: ["*"], indexRecheckMs: 60_000 });
  });

  it("takes another model's width from the index unless EMBED_DIM says", () => {
    expect(readConfig(env({ EMBED_MODEL: "org/other" })).dim).toBeNull();
    expect(readConfig(env({ EMBED_MODEL: "org/other", EMBED_DIM: "768" })).dim).toBe(768);
    expect(readConfig(env({ EMBED_DIM: " " })).dim).toBeNull();
  });

  it("refuses a variable out of range with config_invalid", () => {
    expect(() => readConfig(env({ EMBED_DIM: "0" }))).toThrow("EMBED_DIM must be an integer from 1 to 65536.");
    expect(() => readConfig(env({ HF_ENDPOINT_URL: "ftp://x" }))).toThrow("HF_ENDPOINT_URL must be an http(s) URL.");
  });

  it("refuses an ADMIN_TOKEN that nobody could log in with, or that is short enough to guess, saying why", () => {
    const long = "a".repeat(31) + "b";
    expect(readConfig(env({ ADMIN_TOKEN: `  ${long}\n` })).adminToken).toBe(long);
    expect(readConfig(env({ ADMIN_TOKEN: " " })).adminToken).toBeUndefined();
    expect(() => readConfig(env({ ADMIN_TOKEN: `${long} and more` }))).toThrow("ADMIN_TOKEN must not contain white space: a bearer token cannot carry it, so nobody could log in.");
    expect(() => readConfig(env({ ADMIN_TOKEN: "a".repeat(31) }))).toThrow("ADMIN_TOKEN must be at least 32 characters long (for example: openssl rand -hex 24).");
    // characters, not UTF-16 units
    expect(() => readConfig(env({ ADMIN_TOKEN: "😀".repeat(20) }))).toThrow(/at least 32 characters/);
  });

  it("reads the CORS allowlist on its own", () => {
    expect(allowedOrigins({ ALLOWED_ORIGINS: " https://a.example ,https://b.example, " })).toEqual(["https://a.example", "https://b.example"]);
    expect(allowedOrigins({ ALLOWED_ORIGINS: " , " })).toEqual(["*"]);
  });
});
