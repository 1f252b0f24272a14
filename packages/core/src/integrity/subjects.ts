import { isValidIdNumber, type TIntegritySubject } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { idNumberHash } from '../person/index.ts';
import { containsPattern } from '../query.ts';
import { requireIntegrityManager } from './integrity.policy.ts';

/*
 * Finding the subject of a record: a person by name, or by a full identity number matched through its keyed hash
 * (the number itself is neither stored nor returned); an organisation by name or 统一社会信用代码.
 */
export async function findSubjects(ctx: Ctx, input: { kind: 'person' | 'org'; q: string }): Promise<TIntegritySubject[]> {
  requireIntegrityManager(ctx);
  const q = input.q.trim();
  if (input.kind === 'person') {
    let query = ctx.db
      .selectFrom('person')
      .leftJoin('organization', 'organization.id', 'person.employer_org_id')
      .select(['person.id', 'person.name', 'person.id_last4', 'person.employer_name', 'organization.name as org_name']);
    const id = q.toUpperCase();
    query = isValidIdNumber(id)
      ? query.where('person.id_hash', '=', await idNumberHash(ctx.db, id))
      : query.where('person.name', 'ilike', containsPattern(q));
    const rows = await query.orderBy('person.id').limit(20).execute();
    return rows.map((r) => ({
      kind: 'person' as const,
      id: r.id,
      name: r.name,
      unit: r.org_name ?? r.employer_name,
      idLast4: r.id_last4,
      uscc: null,
    }));
  }
  const rows = await ctx.db
    .selectFrom('organization')
    .select(['id', 'name', 'uscc', 'region_code'])
    .where((eb) => eb.or([eb('name', 'ilike', containsPattern(q)), eb('uscc', '=', q.toUpperCase())]))
    .orderBy('id')
    .limit(20)
    .execute();
  return rows.map((r) => ({ kind: 'org' as const, id: r.id, name: r.name, unit: null, idLast4: null, uscc: r.uscc }));
}
