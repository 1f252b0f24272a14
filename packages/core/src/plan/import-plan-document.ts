import { AppError, type ErrorCode, type TPlanImportResult } from '@kechuang/contracts';
import type { DB, Kysely } from '@kechuang/db';
import { extractPlan, isImportError, readDocument } from '@kechuang/importer';
import type { Ctx } from '../context.ts';
import { requireRole } from '../policy.ts';

type Level = 'province' | 'city' | 'county';
const levels: Record<number, Level> = { 1: 'province', 2: 'city', 3: 'county' };

/**
 * Resolves a region named in a document against the division table: a name that is unique among
 * current divisions resolves; an ambiguous one (朝阳区 exists twice) does not.
 */
async function regionResolver(db: Kysely<DB>) {
  const rows = await db.selectFrom('region').select(['code', 'name', 'level']).where('valid_to', 'is', null).execute();
  const byName = new Map<string, Array<{ code: string; level: Level }>>();
  for (const r of rows) {
    const list = byName.get(r.name) ?? [];
    list.push({ code: r.code, level: levels[r.level] as Level });
    byName.set(r.name, list);
  }
  return (name: string) => {
    const hits = byName.get(name);
    return hits?.length === 1 ? (hits[0] ?? null) : null;
  };
}

function asAppError(e: unknown): unknown {
  if (!isImportError(e)) return e;
  return new AppError(e.code as ErrorCode, {}, e.message);
}

/** Reads an uploaded document and drafts the plan. Nothing is stored: the planner reviews first. */
export async function importPlanDocument(ctx: Ctx, input: { bytes: Uint8Array; filename: string }): Promise<TPlanImportResult> {
  requireRole(ctx, 'admin', 'planner');
  try {
    const text = await readDocument(input.bytes, input.filename);
    return { filename: input.filename, text, draft: extractPlan(text, { resolveRegion: await regionResolver(ctx.db) }) };
  } catch (e) {
    throw asAppError(e);
  }
}

export async function importPlanText(ctx: Ctx, input: { text: string }): Promise<TPlanImportResult> {
  requireRole(ctx, 'admin', 'planner');
  try {
    const text = input.text.replace(/\r\n?/g, '\n');
    if (!text.trim()) throw new AppError('import/empty');
    return { filename: null, text, draft: extractPlan(text, { resolveRegion: await regionResolver(ctx.db) }) };
  } catch (e) {
    throw asAppError(e);
  }
}
