/** The collection a request without `collection` asks: every deployment's first FAQ lives here. */
export const DEFAULT_COLLECTION = "default";

/** Lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters (a DNS label's shape). */
export const COLLECTION_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const isCollectionName = (name: string): boolean => COLLECTION_NAME.test(name);
