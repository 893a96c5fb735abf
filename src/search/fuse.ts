/**
 * How strongly a FAQ's words matched the query, in [0, 1]: its BM25 divided
 * by what a perfect match of the query's words would score (capped at 1).
 * Dividing by the best score of the query instead would give the best match 1
 * even when it shares only a common word; on both development sets this
 * measure fused better at every weight tried (docs/quality.md).
 */
export const lexicalStrength = (bm25: number, perfect: number) => (perfect > 0 ? Math.min(1, bm25 / perfect) : 0);

/** The hybrid score, one formula for every path: alpha * cosine + (1 - alpha) * lexical strength. */
export const fuse = (cosine: number, strength: number, alpha: number) => alpha * cosine + (1 - alpha) * strength;
