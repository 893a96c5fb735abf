/** A flag or combination of flags that cannot work; the message says which and why. */
export class UsageError extends Error {}
