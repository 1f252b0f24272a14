import type { FormInstance } from 'antd';
import { isApiError } from './api.ts';

/**
 * Puts the server's field-level problems (`errors: [{ path, message }]`) under the matching form
 * fields. Returns true when at least one field was marked, so the caller can skip a general toast.
 * `codeFields` pins whole-request codes to a field (e.g. org/duplicate_name → name).
 */
export function applyFieldErrors<T>(form: FormInstance<T>, error: unknown, text: string, codeFields: Record<string, string> = {}): boolean {
  if (!isApiError(error)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const problem of error.errors) {
    const name = problem.path
      .split(/[.[\]/]+/)
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (name[0] === 'body') name.shift();
    if (name.length > 0 && known.has(String(name[0]))) fields.push({ name, errors: [problem.message] });
  }
  const pinned = codeFields[error.code];
  if (pinned) fields.push({ name: pinned.split('.'), errors: [text] });
  if (fields.length === 0) return false;
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return true;
}
