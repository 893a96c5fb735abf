/** Anything that turns texts into vectors: the HF API, a dedicated endpoint, or the local model. */
export interface TextEmbedder {
  /** Model id recorded in the index; the Worker refuses indexes of another model. */
  readonly model: string;
  /** One L2-normalised vector per text, in input order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}
