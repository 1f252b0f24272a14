import { AppError, type TIntegrityRecord } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import type { Selectable } from 'kysely';
import { periodEnded } from './period.ts';
import { packById, periodWarnings } from './rule-packs.ts';

export type Db = Kysely<DB> | Transaction<DB>;
export type RecordRow = Selectable<DB['integrity_record']> & { id_last4: string | null; uscc: string | null };

/** Records with what is shown of their subject (never more of an identity number than its last four characters). */
export function recordQuery(db: Db) {
  return db
    .selectFrom('integrity_record as r')
    .leftJoin('person as p', 'p.id', 'r.person_id')
    .leftJoin('organization as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['p.id_last4', 'o.uscc']);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function recordView(r: RecordRow, today: string): TIntegrityRecord {
  const pack = packById(r.pack_id);
  const period = { periodStart: r.period_start, periodEnd: r.period_end, permanent: r.permanent };
  const live = r.status === 'confirmed' || r.status === 'published';
  return {
    id: r.id,
    regionCode: r.region_code,
    subjectKind: r.subject_kind,
    personId: r.person_id,
    orgId: r.org_id,
    subjectName: r.subject_name,
    subjectUnit: r.subject_unit,
    idLast4: r.id_last4,
    uscc: r.uscc,
    listKind: r.list_kind,
    packId: r.pack_id,
    packName: pack?.name ?? null,
    misconductType: r.misconduct_type as TIntegrityRecord['misconductType'],
    severity: r.severity,
    measures: r.measures as TIntegrityRecord['measures'],
    banScope: r.ban_scope as TIntegrityRecord['banScope'],
    periodStart: r.period_start,
    periodEnd: r.period_end,
    periodYears: r.period_years,
    permanent: r.permanent,
    docNo: r.doc_no,
    issuer: r.issuer,
    decidedOn: r.decided_on,
    occurredOn: r.occurred_on,
    summary: r.summary,
    appealStatus: r.appeal_status,
    appealNote: r.appeal_note,
    status: live && periodEnded(period, today) ? 'expired' : r.status,
    revokeReason: r.revoke_reason,
    sourceEventId: r.source_event_id,
    sourceProjectId: r.source_project_id,
    warnings: [
      ...periodWarnings(pack, {
        severity: r.severity,
        permanent: r.permanent,
        periodYears: r.period_years,
        hasBan: r.measures.includes('ban'),
        occurredOn: r.occurred_on,
      }),
      ...(pack?.unverified ?? []).filter(() => r.measures.includes('ban')),
    ],
    confirmedAt: iso(r.confirmed_at),
    publishedAt: iso(r.published_at),
    revokedAt: iso(r.revoked_at),
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export async function findRecord(db: Db, id: number, lock = false): Promise<RecordRow | undefined> {
  let q = recordQuery(db).where('r.id', '=', id);
  if (lock) q = q.forUpdate('r');
  return (await q.executeTakeFirst()) as RecordRow | undefined;
}

/** The record for a change: it exists and is at the version the caller saw. */
export async function lockRecord(tx: Transaction<DB>, id: number, version: number): Promise<RecordRow> {
  const r = await findRecord(tx, id, true);
  if (!r) throw new AppError('integrity/not_found', { id });
  if (r.version !== version) throw new AppError('common/conflict', { id, version });
  return r;
}
