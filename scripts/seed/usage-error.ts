// Kept so that existing imports keep working; the class lives with the other CLI helpers.
export { UsageError } from "../lib/usage-error";
