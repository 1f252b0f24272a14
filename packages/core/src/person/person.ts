import { createHmac, randomBytes } from 'node:crypto';
import { AppError, isValidIdNumber, type TPersonInput, type TPersonView } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

/*
 * People: one record per natural person, recognised again by the keyed hash of the identity number. The
 * key lives in the `setting` table (made once per installation), so equal numbers give equal hashes here
 * and nowhere else; the number itself is never stored.
 */

type Db = Kysely<DB> | Transaction<DB>;
const keySetting = 'person.id_hash_key';

async function hashKey(db: Db): Promise<string> {
  const found = await db.selectFrom('setting').select('value').where('key', '=', keySetting).executeTakeFirst();
  if (found) return found.value as string;
  await db
    .insertInto('setting')
    .values({ key: keySetting, value: JSON.stringify(randomBytes(32).toString('hex')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', keySetting).executeTakeFirstOrThrow();
  return row.value as string;
}

export async function idNumberHash(db: Db, idNumber: string): Promise<string> {
  return createHmac('sha256', await hashKey(db))
    .update(idNumber.toUpperCase())
    .digest('hex');
}

/**
 * The person with this identity number (as recorded), or a new person. Without an identity number a new
 * record is made each time (nothing to match on).
 */
export async function upsertPerson(tx: Transaction<DB>, input: TPersonInput, employerOrgId: number | null): Promise<number> {
  const fields = {
    name: input.name,
    gender: input.gender ?? null,
    title: input.title ?? null,
    employer_org_id: employerOrgId,
    employer_name: input.employerName ?? null,
    discipline_codes: input.disciplineCodes ?? [],
    phone: input.phone ?? null,
    email: input.email ?? null,
  };
  if (!input.idNumber) {
    return (await tx.insertInto('person').values(fields).returning('id').executeTakeFirstOrThrow()).id;
  }
  if (!isValidIdNumber(input.idNumber)) throw new AppError('person/invalid_id_number');
  const idHash = await idNumberHash(tx, input.idNumber);
  const row = await tx
    .insertInto('person')
    .values({ ...fields, id_hash: idHash, id_last4: input.idNumber.slice(-4) })
    // an existing person keeps their record: an applicant naming them cannot rewrite it
    .onConflict((oc) => oc.column('id_hash').doUpdateSet((eb) => ({ updated_at: eb.ref('person.updated_at') })))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function personViews(db: Db, ids: number[]): Promise<Map<number, TPersonView>> {
  const out = new Map<number, TPersonView>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('person')
    .leftJoin('organization', 'organization.id', 'person.employer_org_id')
    .select([
      'person.id',
      'person.name',
      'person.title',
      'person.employer_org_id',
      'person.employer_name',
      'person.id_last4',
      'organization.name as org_name',
    ])
    .where('person.id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows)
    out.set(r.id, {
      id: r.id,
      name: r.name,
      title: r.title,
      employerOrgId: r.employer_org_id,
      employerName: r.org_name ?? r.employer_name,
      idLast4: r.id_last4,
    });
  return out;
}
