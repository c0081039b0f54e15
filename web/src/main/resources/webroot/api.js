// The one way the client talks to the REST API: JSON in, JSON out, errors as ApiError.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * `token` is a sign-in token (Bearer); `auth` is a whole Authorization value (e.g. a guest's "Player …").
 * `body` is sent as JSON unless `contentType` says otherwise (raw notes from a file).
 */
export async function request(method, path, { body, token, auth, contentType, as = 'json' } = {}) {
  const headers = {};
  // A form (a file upload) sets its own multipart type, boundary included.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['Content-Type'] = contentType || 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (auth) headers.Authorization = auth;
  const payload = body === undefined ? undefined : contentType || form ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return null;
  if (response.ok && as === 'blob') return response.blob();
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data && data.error ? data.error : { code: 'unexpected', message: `The server answered ${response.status}.` };
    throw new ApiError(response.status, error.code, error.message);
  }
  return data;
}
