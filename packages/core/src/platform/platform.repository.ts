import type { TPlatform, TPlatformFieldValues, TPlatformLevel } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

export type Db = Kysely<DB> | Transaction<DB>;

export const json = (v: unknown): TPlatformFieldValues => (typeof v === 'string' ? JSON.parse(v) : (v ?? {})) as TPlatformFieldValues;

/** platforms with their type, unit and region names, and the latest grade */
export function platformQuery(db: Db) {
  return db
    .selectFrom('platform as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'p.type_code').onRef('t.version', '=', 'p.type_version'))
    .select((eb) => [
      'p.id',
      'p.name',
      'p.type_code',
      'p.type_version',
      't.name as type_name',
      'p.level',
      'p.org_id',
      'o.name as org_name',
      'p.region_code',
      'r.name as region_name',
      'p.doc_no',
      'p.approved_on',
      'p.status',
      'p.fields',
      eb
        .selectFrom('platform_grade as g')
        .innerJoin('platform_evaluation as e', 'e.id', 'g.evaluation_id')
        .select('g.grade')
        .whereRef('g.platform_id', '=', 'p.id')
        .where('e.status', '=', 'confirmed')
        .orderBy('e.year', 'desc')
        .limit(1)
        .as('last_grade'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof platformQuery>['executeTakeFirstOrThrow']>>;

export function toPlatform(r: Row): TPlatform {
  return {
    id: r.id,
    name: r.name,
    typeCode: r.type_code,
    typeName: r.type_name,
    typeVersion: r.type_version,
    level: r.level as TPlatformLevel,
    orgId: r.org_id,
    orgName: r.org_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    docNo: r.doc_no,
    approvedOn: r.approved_on,
    status: r.status as TPlatform['status'],
    fields: json(r.fields),
    lastGrade: r.last_grade ?? null,
  };
}

const levelRank: Record<TPlatformLevel, number> = { county: 1, city: 2, provincial: 3, national: 4 };
export const levelAbove = (a: TPlatformLevel, b: TPlatformLevel) => levelRank[a] > levelRank[b];

/**
 * Writes an event of the status history and keeps the spans in step: the open span is closed on the event's
 * day, and a new one opened at the new level unless the platform was delisted.
 */
export async function writeEvent(
  tx: Transaction<DB>,
  p: { id: number; typeCode: string; regionCode: string },
  e: {
    kind: 'recognise' | 'upgrade' | 'downgrade' | 'delist';
    from: TPlatformLevel | null;
    to: TPlatformLevel | null;
    docNo: string | null;
    on: string;
    note?: string;
    userId: number | null;
  },
): Promise<number> {
  const row = await tx
    .insertInto('platform_event')
    .values({
      platform_id: p.id,
      kind: e.kind,
      from_level: e.from,
      to_level: e.to,
      doc_no: e.docNo,
      on_date: e.on,
      note: e.note ?? '',
      user_id: e.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('platform_span').set({ valid_to: e.on }).where('platform_id', '=', p.id).where('valid_to', 'is', null).execute();
  if (e.to !== null)
    await tx
      .insertInto('platform_span')
      .values({ platform_id: p.id, type_code: p.typeCode, level: e.to, region_code: p.regionCode, valid_from: e.on, valid_to: null })
      .onConflict((oc) => oc.columns(['platform_id', 'valid_from']).doUpdateSet({ level: e.to as string, valid_to: null }))
      .execute();
  return row.id;
}
