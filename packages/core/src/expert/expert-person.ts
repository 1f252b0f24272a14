import { AppError, type TEmploymentInput } from '@kechuang/contracts';
import type { DB, Transaction } from '@kechuang/db';
import { idNumberHash } from '../person/index.ts';
import { currentEmployer, orgIdsByName } from './expert.repository.ts';

/*
 * The expert is a role of a person: the profile's name, contact, 职称 and current employer live on the one
 * `person` record (project leaders and members are persons too). An identity number recognises a person
 * already known (e.g. a past project leader) — that record becomes the expert's — and only its keyed hash and
 * last four characters are kept.
 */

export interface PersonFields {
  name: string;
  idNumber?: string | undefined;
  gender: 'male' | 'female' | null;
  title: string | null;
  phone: string | null;
  email: string | null;
  disciplineCodes: string[];
  employments: TEmploymentInput[];
}

async function personRow(tx: Transaction<DB>, p: PersonFields) {
  const current = currentEmployer(p.employments);
  const orgId = current ? (current.orgId ?? (await orgIdsByName(tx, [current.orgName])).get(current.orgName) ?? null) : null;
  return {
    name: p.name,
    gender: p.gender,
    title: p.title,
    phone: p.phone || null,
    email: p.email || null,
    discipline_codes: p.disciplineCodes,
    employer_org_id: orgId,
    employer_name: current?.orgName ?? null,
  };
}

/**
 * The person record for an entry being saved: the current one (updated), the one the identity number names,
 * or a new one. Refuses a person who already holds another expert entry.
 */
export async function savePerson(tx: Transaction<DB>, currentPersonId: number | null, p: PersonFields, now: Date): Promise<number> {
  const fields = await personRow(tx, p);
  let personId = currentPersonId;
  let hash: { id_hash: string; id_last4: string } | null = null;
  if (p.idNumber) {
    const idHash = await idNumberHash(tx, p.idNumber);
    hash = { id_hash: idHash, id_last4: p.idNumber.slice(-4) };
    const known = await tx.selectFrom('person').select('id').where('id_hash', '=', idHash).executeTakeFirst();
    if (known && known.id !== currentPersonId) {
      const other = await tx.selectFrom('expert').select('id').where('person_id', '=', known.id).executeTakeFirst();
      if (other) throw new AppError('expert/duplicate_person', { expertId: other.id });
      personId = known.id;
      hash = null; // already on that record
    }
  }
  if (personId === null) {
    return (
      await tx
        .insertInto('person')
        .values({ ...fields, ...(hash ?? {}) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await tx
    .updateTable('person')
    .set((eb) => ({ ...fields, ...(hash ?? {}), updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .execute();
  return personId;
}
