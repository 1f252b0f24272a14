import { AppError, type TRegionChange, type TRegionChangeInput } from '@kechuang/contracts';
import { initialsOf } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { assertRegionScope, requireRole } from '../policy.ts';
import { findRegion } from './region.repository.ts';

/**
 * Records a 区划调整 without breaking history: retired codes are never deleted or renamed in
 * place; they get `valid_to` and a `successor_code`, so records that name them stay readable and
 * can be followed to the current division. A plain rename keeps the code and logs the old name.
 */
export async function changeRegion(ctx: Ctx, input: TRegionChangeInput): Promise<TRegionChange> {
  const actor = requireRole(ctx, 'admin');
  const { kind, fromCodes, to, effectiveDate } = input;
  // An admin records changes of the divisions in their own subtree only.
  for (const code of [...fromCodes, ...(to ? [to.code] : [])]) assertRegionScope(actor, code);
  const needs: Record<typeof kind, [number, number, boolean]> = {
    rename: [1, 1, true],
    recode: [1, 1, true],
    merge: [2, 20, true],
    create: [0, 0, true],
    abolish: [1, 20, false],
  };
  const [minFrom, maxFrom, needsTo] = needs[kind];
  if (fromCodes.length < minFrom || fromCodes.length > maxFrom || Boolean(to) !== needsTo) {
    throw new AppError('region/invalid_change', { kind, fromCodes: fromCodes.length, to: Boolean(to) });
  }
  if (kind === 'rename' && to?.code !== fromCodes[0]) throw new AppError('region/invalid_change', { reason: 'rename keeps the code' });
  return withAudit(ctx, async (tx, record) => {
    const before = [];
    for (const code of fromCodes) {
      const r = await findRegion(tx, code);
      if (!r) throw new AppError('region/not_found', { code });
      if (r.valid_to) throw new AppError('region/retired', { code });
      before.push(r);
    }
    if (to) {
      let level = 1;
      if (to.parentCode) {
        const parent = await findRegion(tx, to.parentCode);
        if (!parent) throw new AppError('region/not_found', { code: to.parentCode });
        if (parent.valid_to) throw new AppError('region/retired', { code: to.parentCode });
        level = parent.level + 1;
        if (level > 3) throw new AppError('region/invalid_change', { reason: 'below county level' });
      }
      const existing = await findRegion(tx, to.code);
      if (kind === 'rename') {
        await tx
          .updateTable('region')
          .set({ name: to.name, initials: initialsOf(to.name) })
          .where('code', '=', to.code)
          .execute();
      } else if (existing) {
        if (existing.valid_to || kind !== 'merge') throw new AppError('region/invalid_change', { reason: 'code exists', code: to.code });
      } else {
        await tx
          .insertInto('region')
          .values({
            code: to.code,
            name: to.name,
            level,
            parent_code: to.parentCode,
            initials: initialsOf(to.name),
            valid_from: effectiveDate,
          })
          .execute();
      }
    }
    const retire = kind === 'rename' ? [] : fromCodes.filter((c) => c !== to?.code);
    if (retire.length > 0) {
      await tx
        .updateTable('region')
        .set({ valid_to: effectiveDate, successor_code: to?.code ?? null })
        .where('code', 'in', retire)
        .execute();
    }
    const row = await tx
      .insertInto('region_change')
      .values({ kind, effective_date: effectiveDate, from_codes: fromCodes, to_code: to?.code ?? null, note: input.note })
      .returningAll()
      .executeTakeFirstOrThrow();
    record({
      action: `region.${kind}`,
      entityType: 'region_change',
      entityId: row.id,
      regionCode: to?.code ?? fromCodes[0] ?? null,
      before: before.map((r) => ({ code: r.code, name: r.name })),
      after: { to: to ?? null, retired: retire, effectiveDate },
    });
    return toChange(row);
  });
}

export function toChange(r: {
  id: number;
  kind: string;
  effective_date: string;
  from_codes: string[];
  to_code: string | null;
  note: string;
}): TRegionChange {
  return {
    id: r.id,
    kind: r.kind as TRegionChange['kind'],
    effectiveDate: r.effective_date,
    fromCodes: r.from_codes,
    toCode: r.to_code,
    note: r.note,
  };
}

export async function listRegionChanges(ctx: Ctx): Promise<TRegionChange[]> {
  requireRole(ctx, 'admin', 'planner', 'viewer');
  const rows = await ctx.db
    .selectFrom('region_change')
    .selectAll()
    .orderBy('effective_date', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map(toChange);
}
