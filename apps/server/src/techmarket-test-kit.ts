import type { Client, TestApp } from './testing.ts';

/** What the technology market's server tests (contracts; the market) share: a PDF, requests, the demo's units. */
export const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export type Body = Record<string, unknown> & { code?: string; version?: number; id?: number };

/** A request as a signed-in user, or without signing in (null): its status and JSON body. */
export async function callAs(t: TestApp, c: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const opts = { method, url, ...(payload === undefined ? {} : { payload: payload as object }) };
  const res = c ? await c.request(opts) : await t.app.inject(opts);
  return { status: res.statusCode, body: res.json() as Body };
}

/** The id of a demo organisation by its name. */
export const orgIdNamed = async (t: TestApp, name: string) =>
  (await t.database.db.selectFrom('organization').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
