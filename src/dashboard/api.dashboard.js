// The owner's API (/admin/*) as the dashboard calls it: the token goes in
// the Authorization header only, never in a URL or a cookie.

const TOKEN_KEY = "faq-edge-admin-token";

/** The token of this tab (sessionStorage: gone when the tab closes), or null. */
export const savedToken = () => sessionStorage.getItem(TOKEN_KEY);
export const saveToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

/** An answer of the API that is not a success: its HTTP status and the stable code of its body. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * Calls for one token. Each takes a path and query parameters (empty ones are
 * left out); an answer other than 2xx throws ApiError, a 204 is null.
 */
export function createApi(token) {
  async function call(method, path, query = {}, body = undefined) {
    const url = new URL(path, location.origin);
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
    const headers = { Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store", credentials: "omit" });
    } catch {
      throw new ApiError(0, "network_error", "The Worker could not be reached.");
    }
    if (response.status === 204) return null;
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      throw new ApiError(response.status, json?.error?.code ?? `http_${response.status}`, json?.error?.message ?? `The Worker answered ${response.status}.`);
    }
    return json;
  }
  return {
    get: (path, query) => call("GET", path, query),
    post: (path, query, body) => call("POST", path, query, body),
    put: (path, query, body) => call("PUT", path, query, body),
    delete: (path, query) => call("DELETE", path, query),
  };
}
