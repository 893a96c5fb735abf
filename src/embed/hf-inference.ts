/**
 * The parts of @huggingface/inference the Worker uses: the client and its
 * errors, from the package's own ES modules. Its index also re-exports the
 * code-snippet generator as a namespace object, which bundlers cannot drop,
 * and that brings @huggingface/tasks and @huggingface/jinja (a large part of
 * a bundle: docs/performance.md) into a Worker that never makes a snippet. The
 * package exports only its index, hence the paths into node_modules.
 */
export { InferenceClient } from "../../node_modules/@huggingface/inference/dist/esm/InferenceClient.js";
export {
  InferenceClientProviderApiError,
  InferenceClientProviderOutputError,
} from "../../node_modules/@huggingface/inference/dist/esm/errors.js";
