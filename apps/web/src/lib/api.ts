/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie,
 * the CSRF header on every state-changing request, and problem+json errors turned into ApiError.
 */
import type { authPolicy } from '@kechuang/contracts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A row-level problem of a rejected file import. */
export interface RowProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** Codes the client itself produces when there is no problem+json body to read. */
export type ClientErrorCode = 'client/network' | 'client/bad_response';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  readonly rowErrors: RowProblem[];

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: FieldProblem[]; rowErrors?: RowProblem[] }) {
    super(init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.rowErrors = init.rowErrors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What the app should do after the server says "who are you?" or "change your password first". */
export type AuthEvent = 'unauthenticated' | 'password_change_required';
let authListener: ((event: AuthEvent) => void) | null = null;
export function onAuthEvent(listener: (event: AuthEvent) => void): () => void {
  authListener = listener;
  return () => {
    if (authListener === listener) authListener = null;
  };
}

// Checked against the contract at compile time; a runtime import would pull zod into the first page load.
const csrfCookie: (typeof authPolicy)['csrfCookie'] = 'kc_csrf';
const csrfHeader: (typeof authPolicy)['csrfHeader'] = 'x-csrf-token';

let lastCsrfToken: string | null = null;
/** Remember the token from the last /api/auth/me (or login) response, in case the cookie is unreadable. */
export function rememberCsrfToken(token: string | null): void {
  lastCsrfToken = token;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export type QueryValue = string | number | boolean | null | undefined;

/**
 * Builds a query string, leaving out empty values. `false` is left out too: the server coerces
 * query booleans, so only their presence (`true`) is meaningful.
 */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect on 401/403 (the login form and the initial "who am I" probe handle it themselves). */
  quiet?: boolean;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isProblemBody(
  value: unknown,
): value is { title: string; code: string; status?: number; detail?: string; errors?: FieldProblem[]; rowErrors?: RowProblem[] } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' && typeof v.code === 'string';
}

function problemToApiError(status: number, statusText: string, body: unknown): ApiError {
  if (isProblemBody(body)) {
    return new ApiError({
      status,
      code: body.code,
      title: body.title,
      ...(body.detail !== undefined ? { detail: body.detail } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
      ...(Array.isArray(body.rowErrors) ? { rowErrors: body.rowErrors } : {}),
    });
  }
  const code: ClientErrorCode = status >= 500 || status === 0 ? 'client/network' : 'client/bad_response';
  return new ApiError({ status, code, title: statusText || `HTTP ${status}` });
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to a generic error
  }
  return problemToApiError(res.status, res.statusText, body);
}

function notifyAuth(error: ApiError, quiet: boolean | undefined): void {
  if (quiet) return;
  if (error.status === 401) authListener?.('unauthenticated');
  else if (error.code === 'auth/password_change_required') authListener?.('password_change_required');
}

function csrfToken(): string | null {
  return readCookie(csrfCookie) ?? lastCsrfToken;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers[csrfHeader] = token;
  }

  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'client/network', title: 'Network error' });
  }

  if (!res.ok) {
    const error = await toApiError(res);
    notifyAuth(error, options.quiet);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError({ status: res.status, code: 'client/bad_response', title: 'Bad response' });
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Fraction of the body sent so far, 0…1. */
  onProgress?: (fraction: number) => void;
}

/**
 * POSTs raw bytes (application/octet-stream) and reads a JSON answer. XMLHttpRequest rather than
 * fetch, because only XHR reports upload progress; errors are shaped exactly as `request` shapes them.
 */
export function uploadBytes<T>(path: string, body: Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${path}${toQueryString(options.query)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const token = csrfToken();
    if (token) xhr.setRequestHeader(csrfHeader, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'client/network', title: 'Network error' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300 && parsed !== null) {
        resolve(parsed as T);
        return;
      }
      const error =
        xhr.status >= 200 && xhr.status < 300
          ? new ApiError({ status: xhr.status, code: 'client/bad_response', title: 'Bad response' })
          : problemToApiError(xhr.status, xhr.statusText, parsed);
      notifyAuth(error, false);
      reject(error);
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * GETs a file and hands it to the browser as a download, named by the server's Content-Disposition
 * (RFC 5987 filename*) or `fallbackName`. Errors are shaped exactly as `request` shapes them.
 */
export async function downloadFile(path: string, fallbackName: string, query?: Record<string, QueryValue>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(query)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'client/network', title: 'Network error' });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    notifyAuth(error, false);
    throw error;
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  let name = fallbackName;
  if (encoded) {
    try {
      name = decodeURIComponent(encoded);
    } catch {
      // keep the fallback name
    }
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
