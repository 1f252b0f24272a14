import { AppError, type TExpert, type TExpertInput } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { requirePoolManager } from './expert.policy.ts';
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
 * The bureau's entries. An entry the bureau adds itself is in the pool at once (状态 在库, approved by the
 * one who added it): the bureau is the approver. Entries an expert submits wait for approval
 * (self-service.ts).
 */

/** The expert account to link: a user with the expert role not linked to another entry. */
async function accountFor(tx: Transaction<DB>, username: string | null | undefined, expertId: number | null): Promise<number | null> {
  if (!username) return null;
  const user = await tx.selectFrom('app_user').select(['id', 'roles']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new AppError('expert/account_not_found', { username });
  if (!user.roles.includes('expert')) throw new AppError('expert/account_not_expert', { username });
  const taken = await tx.selectFrom('expert').select('id').where('user_id', '=', user.id).executeTakeFirst();
  if (taken && taken.id !== expertId) throw new AppError('expert/account_taken', { username, expertId: taken.id });
  return user.id;
}

function auditView(input: TExpertInput) {
  const { idNumber: _idNumber, relations, ...rest } = input;
  // identity numbers never reach the audit trail
  return { ...rest, relations: relations?.map(({ idNumber: _n, ...r }) => r) };
}

export async function createExpert(ctx: Ctx, input: TExpertInput): Promise<TExpert> {
  const actor = requirePoolManager(ctx, input.regionCode);
  await assertRegionKnown(ctx.db, input.regionCode);
  const id = await withAudit(ctx, async (tx, record) => {
    const now = ctx.now();
    const personId = await savePerson(tx, null, input, now);
    const taken = await tx.selectFrom('expert').select('id').where('person_id', '=', personId).executeTakeFirst();
    if (taken) throw new AppError('expert/duplicate_person', { expertId: taken.id });
    const userId = await accountFor(tx, input.username, null);
    const row = await tx
      .insertInto('expert')
      .values({
        person_id: personId,
        region_code: input.regionCode,
        title: input.title,
        discipline_codes: input.disciplineCodes,
        industry_codes: input.industryCodes,
        specialty: input.specialty,
        status: 'active',
        yearly_quota: input.yearlyQuota,
        user_id: userId,
        approved_by: actor.userId,
        approved_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceEmployments(tx, row.id, input.employments);
    if (input.relations) await replaceRelations(tx, row.id, input.relations);
    if (input.unavailable) await replaceUnavailable(tx, row.id, input.unavailable);
    record({ action: 'expert.create', entityType: 'expert', entityId: row.id, regionCode: input.regionCode, after: auditView(input) });
    return row.id;
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, id));
}

/** The bureau edits an entry of its subtree (also moving it to another region of its subtree). */
export async function updateExpert(ctx: Ctx, id: number, input: TExpertInput): Promise<TExpert> {
  const before = await findExpertRow(ctx.db, { id });
  if (!before) throw new AppError('expert/not_found', { id });
  requirePoolManager(ctx, before.region_code);
  requirePoolManager(ctx, input.regionCode);
  if (before.status === 'removed') throw new AppError('expert/removed', { id });
  if (input.version === undefined) throw new AppError('common/conflict', { id, reason: 'version required' });
  if (input.regionCode !== before.region_code) await assertRegionKnown(ctx.db, input.regionCode);
  const version = input.version;
  const snapshot = expertSnapshot(await loadExpert(ctx.db, before));
  await withAudit(ctx, async (tx, record) => {
    const now = ctx.now();
    const personId = await savePerson(tx, before.person_id, input, now);
    const userId = input.username === undefined ? before.user_id : await accountFor(tx, input.username, id);
    await bumpVersion(
      tx,
      id,
      version,
      {
        title: input.title,
        discipline_codes: input.disciplineCodes,
        industry_codes: input.industryCodes,
        specialty: input.specialty,
        region_code: input.regionCode,
        yearly_quota: input.yearlyQuota,
        user_id: userId,
      },
      now,
    );
    if (personId !== before.person_id) await tx.updateTable('expert').set({ person_id: personId }).where('id', '=', id).execute();
    await replaceEmployments(tx, id, input.employments);
    if (input.relations) await replaceRelations(tx, id, input.relations);
    if (input.unavailable) await replaceUnavailable(tx, id, input.unavailable);
    record({
      action: 'expert.update',
      entityType: 'expert',
      entityId: id,
      regionCode: input.regionCode,
      before: snapshot,
      after: auditView(input),
    });
  });
  return loadExpert(ctx.db, await requireExpertRow(ctx.db, id));
}
