/** KV key of the small pointer that names the current version. */
export const POINTER_KEY = "faq-index/current";

/** KV key of one immutable, content-addressed index blob. */
export const blobKey = (version: string) => `faq-index/blob/${version}`;

/** What the pointer holds: enough to describe the index without reading the blob. */
export interface IndexPointer {
  version: string;
  model: string;
  dim: number;
  count: number;
  builtAt: string;
}

export function isIndexPointer(value: unknown): value is IndexPointer {
  if (typeof value !== "object" || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.version === "string" && /^[0-9a-f]{32}$/.test(p.version) && typeof p.model === "string"
    && Number.isInteger(p.dim) && Number.isInteger(p.count) && typeof p.builtAt === "string";
}
