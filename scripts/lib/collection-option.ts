import { DEFAULT_COLLECTION, isCollectionName } from "../../src/collections/collection-name";
import type { CliOption } from "./cli-options";
import { UsageError } from "./usage-error";

/** The --collection option every CLI that reads or writes one collection takes. */
export const COLLECTION_OPTION = {
  name: "collection",
  type: "string",
  valueName: "NAME",
  default: DEFAULT_COLLECTION,
  description: "the FAQ collection: lower-case letters, digits and hyphens (docs/collections.md)",
} as const satisfies CliOption;

/** The --collection value, checked: the Worker would never serve a malformed name. */
export function collectionArg(value: string): string {
  if (!isCollectionName(value)) throw new UsageError("--collection must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
  return value;
}
