import {
  AppError,
  type TExpert,
  type TExpertSelfInput,
  type TMyExpert,
  type TRelationsUpdate,
  type TUnavailableUpdate,
} from '@kechuang/contracts';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requireExpertAccount } from './expert.policy.ts';
import {
  assertRegionKnown,
  bumpVersion,
  expertSnapshot,
  findExpertRow,
  loadExpert,
  replaceEmployments,
  replaceRelations,
  replaceUnavailable,
  requireExpertRow,
} from './expert.repository.ts';
import { savePerson } from './expert-person.ts';

/*
 * An expert keeps their own entry through their account.
 *
 * - The first save creates the entry as 待审核 (pending); the bureau of the chosen region approves or rejects
 *   it. Saving a rejected entry submits it again (back to pending).
 * - Edits of an approved entry are applied at once, each with an audit row holding what it was before and
 *   what it became (shown in the entry's history), rather than waiting for approval again. Why: relations
 *   and unavailable dates only ever narrow the draws and must count from the moment they are declared (a
 *   近亲属 declared today must keep the expert out of tomorrow's draw), and employers and 学科 are the facts
 *   the conflict rules compare — an entry sent back to pending would drop out of the pool meanwhile. The
 *   bureau reads every change in the history and can pause the entry. Only the region (which bureau keeps
 *   the entry), the status and the quota stay the bureau's.
 */

export async function getMyExpert(ctx: Ctx): Promise<TMyExpert> {
  const actor = requireExpertAccount(ctx);
  const row = await findExpertRow(ctx.db, { userId: actor.userId });
  return { expert: row ? await loadExpert(ctx.db, row) : null };
}

async function myEntry(ctx: Ctx) {
  const actor = requireExpertAccount(ctx);
  const row = await findExpertRow(ctx.db, { userId: actor.userId });
  return { actor, row };
}

export async function saveMyExpert(ctx: Ctx, input: TExpertSelfInput): Promise<TExpert> {
  const { actor, row } = await myEntry(ctx);
  const { idNumber: _idNumber, version, ...shown } = input;
  if (!row) {
    await assertRegionKnown(ctx.db, input.regionCode);
    const id = await withAudit(ctx, async (tx, record) => {
      const now = ctx.now();
      const personId = await savePerson(tx, null, input, now);
      const taken = await tx.selectFrom('expert').select('id').where('person_id', '=', personId).executeTakeFirst();
      if (taken) throw new AppError('expert/duplicate_person', { expertId: taken.id });
      const created = await tx
        .insertInto('expert')
        .values({
          person_id: personId,
          region_code: input.regionCode,
          title: input.title,
          discipline_codes: input.disciplineCodes,
          industry_codes: input.industryCodes,
          specialty: input.specialty,
          status: 'pending',
          user_id: actor.userId,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceEmployments(tx, created.id, input.employments);
      record({ action: 'expert.self_create', entityType: 'expert', entityId: created.id, regionCode: input.regionCode, after: shown });
      return created.id;
    });
    return loadExpert(ctx.db, await requireExpertRow(ctx.db, id));
  }
  if (row.status === 'removed') throw new AppError('expert/removed', { id: row.id });
  if (version === undefined) throw new AppError('common/conflict', { id: row.id, reason: 'version required' });
  const movable = row.status === 'pending' || row.status === 'rejected';
  if (input.regionCode !== row.region_code) {
    if (!movable) throw new AppError('expert/region_locked', { id: row.id });
    await assertRegionKnown(ctx.db, input.regionCode);
  }
  const before = expertSnapshot(await loadExpert(ctx.db, row));
  await withAudit(ctx, async (tx, record) => {
    const now = ctx.now();
    const personId = await savePerson(tx, row.person_id, input, now);
    await bumpVersion(
      tx,
      row.id,
      version,
      {
        title: input.title,
        discipline_codes: input.disciplineCodes,
        industry_codes: input.industryCodes,
        specialty: input.specialty,
        region_code: input.regionCode,
        // a rejected entry saved again is submitted again
        ...(row.status === 'rejected' ? { status: 'pending' as const } : {}),
      },
      now,
    );
    if (personId !== row.person_id) await tx.updateTable('expert').set({ person_id: personId }).where('id', '=', row.id).execute();
    await replaceEmployments(tx, row.id, input.employments);
    record({ action: 'expert.self_update', entityType: 'expert', entityId: row.id, regionCode: input.regionCode, before, after: shown });
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, row.id));
}

async function requireMine(ctx: Ctx) {
  const { row } = await myEntry(ctx);
  if (!row) throw new AppError('expert/no_profile');
  if (row.status === 'removed') throw new AppError('expert/removed', { id: row.id });
  return row;
}

/** 回避关系: the expert's declared relations, replaced as a whole list. */
export async function saveMyRelations(ctx: Ctx, input: TRelationsUpdate): Promise<TExpert> {
  const row = await requireMine(ctx);
  const before = (await loadExpert(ctx.db, row)).relations.map(({ id: _id, personId: _p, ...x }) => x);
  await withAudit(ctx, async (tx, record) => {
    await bumpVersion(tx, row.id, input.version, {}, ctx.now());
    await replaceRelations(tx, row.id, input.relations);
    record({
      action: 'expert.relations',
      entityType: 'expert',
      entityId: row.id,
      regionCode: row.region_code,
      before,
      after: input.relations.map(({ idNumber, ...x }) => ({ ...x, idLast4: idNumber ? idNumber.slice(-4) : null })),
    });
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, row.id));
}

/** 不能参加评审的日期: replaced as a whole list. */
export async function saveMyUnavailable(ctx: Ctx, input: TUnavailableUpdate): Promise<TExpert> {
  const row = await requireMine(ctx);
  const before = (await loadExpert(ctx.db, row)).unavailable.map(({ id: _id, ...x }) => x);
  await withAudit(ctx, async (tx, record) => {
    await bumpVersion(tx, row.id, input.version, {}, ctx.now());
    await replaceUnavailable(tx, row.id, input.periods);
    record({
      action: 'expert.unavailable',
      entityType: 'expert',
      entityId: row.id,
      regionCode: row.region_code,
      before,
      after: input.periods,
    });
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, row.id));
}
