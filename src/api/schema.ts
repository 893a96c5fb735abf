/**
 * The schema library for requests and answers is zod's "mini" build, whose
 * functions tree-shake (the classic build weighed several times as much in
 * the Worker; docs/performance.md has zod's share now), and whose toJSONSchema makes /openapi.json from the
 * very schemas that validate. Import it as `import * as z from "zod/mini"`
 * in each file: a namespace passed on as a value would keep all of it.
 */
import * as z from "zod/mini";

/** Documentation for a schema (description, example, or an id that makes it a named component); returns the schema. */
export function documented<T extends z.ZodMiniType>(schema: T, meta: { description?: string; example?: unknown; id?: string }): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}

/**
 * The one problem to report when a parse fails, whatever order zod found
 * them in: one with the whole object (an unknown field) first, then the
 * fields in the schema's order.
 */
export function firstIssue<I extends { path: PropertyKey[] }>(schema: { shape: object }, issues: readonly I[]): I {
  const fields = Object.keys(schema.shape);
  const order = (path: PropertyKey[]) => (path.length === 0 ? -1 : fields.indexOf(String(path[0])));
  return [...issues].sort((a, b) => order(a.path) - order(b.path))[0]!;
}
