import { AppError, type TIntegrityStatus, type TIntegritySuggestion } from '@kechuang/contracts';
import { sql } from '@kechuang/db';
import { withAudit } from '../audit/with-audit.ts';
import type { Ctx } from '../context.ts';
import { subtreePattern } from '../query.ts';
import { assertIntegrityScope, requireIntegrityManager, requireIntegrityReader } from './integrity.policy.ts';
import type { Db } from './integrity.repository.ts';

/*
 * Suggestions: a failed acceptance or a 撤销 leaves a project event flagged integrityCaseSuggested (projects
 * module). The bureau turns one into draft records — the undertaking unit, the leader, or both — or dismisses it
 * with a reason. Nothing is recorded on anyone until the bureau confirms a draft.
 */

type SuggestionRow = Omit<TIntegritySuggestion, 'records'> & { dismissed: boolean };

function suggestionQuery(db: Db) {
  return db
    .selectFrom('project_event as e')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .leftJoin('person as l', 'l.id', 'p.leader_person_id')
    .leftJoin('organization as lo', 'lo.id', 'l.employer_org_id')
    .leftJoin('integrity_suggestion_dismissal as d', 'd.event_id', 'e.id')
    .select([
      'e.id as eventId',
      'e.kind',
      'e.at',
      sql<string | null>`e.detail->>'reason'`.as('reason'),
      'p.id as projectId',
      'p.project_no as projectNo',
      'p.title as projectTitle',
      'p.bureau_region_code as regionCode',
      'p.org_id as orgId',
      'p.org_name as orgName',
      'p.leader_person_id as leaderPersonId',
      'p.leader_name as leaderName',
      sql<string | null>`coalesce(lo.name, l.employer_name, p.org_name)`.as('leaderUnit'),
      sql<boolean>`d.event_id is not null`.as('dismissed'),
    ])
    .where(sql<boolean>`(e.detail->>'integrityCaseSuggested') = 'true'`);
}

function toSuggestion(r: {
  eventId: number;
  kind: string;
  at: Date;
  reason: string | null;
  projectId: number;
  projectNo: string;
  projectTitle: string;
  regionCode: string;
  orgId: number | null;
  orgName: string;
  leaderPersonId: number | null;
  leaderName: string;
  leaderUnit: string | null;
  dismissed: boolean;
}): SuggestionRow {
  return { ...r, at: r.at.toISOString() };
}

async function recordsOf(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db
    .selectFrom('integrity_record')
    .select(['id', 'source_event_id', 'subject_kind', 'status'])
    .where('source_event_id', 'in', eventIds)
    .orderBy('id')
    .execute();
}

/** One suggestion with the records made from it (for turning it into a record). */
export async function loadSuggestion(db: Db, eventId: number): Promise<(TIntegritySuggestion & { dismissed: boolean }) | null> {
  const row = await suggestionQuery(db).where('e.id', '=', eventId).executeTakeFirst();
  if (!row) return null;
  const records = await recordsOf(db, [eventId]);
  return {
    ...toSuggestion(row),
    records: records.map((r) => ({ id: r.id, subjectKind: r.subject_kind, status: r.status as TIntegrityStatus })),
  };
}

/** The open suggestions of the actor's region subtree, newest first (dismissed ones left out). */
export async function listSuggestions(ctx: Ctx): Promise<TIntegritySuggestion[]> {
  const actor = requireIntegrityReader(ctx);
  const rows = await suggestionQuery(ctx.db)
    .where('p.bureau_region_code', 'like', subtreePattern(actor.regionCode))
    .where('d.event_id', 'is', null)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  const records = await recordsOf(
    ctx.db,
    rows.map((r) => r.eventId),
  );
  return rows.map((r) => {
    const { dismissed: _d, ...s } = toSuggestion(r);
    return {
      ...s,
      records: records
        .filter((x) => x.source_event_id === r.eventId)
        .map((x) => ({ id: x.id, subjectKind: x.subject_kind, status: x.status as TIntegrityStatus })),
    };
  });
}

/** Not pursued: the suggestion leaves the list, with the reason kept. */
export async function dismissSuggestion(ctx: Ctx, eventId: number, input: { reason: string }): Promise<{ ok: true }> {
  const actor = requireIntegrityManager(ctx);
  return withAudit(ctx, async (tx, record) => {
    const s = await loadSuggestion(tx, eventId);
    if (!s) throw new AppError('integrity/suggestion_not_found', { eventId });
    assertIntegrityScope(actor, s.regionCode);
    if (s.dismissed || s.records.some((r) => r.status !== 'revoked')) throw new AppError('integrity/suggestion_handled', { eventId });
    await tx
      .insertInto('integrity_suggestion_dismissal')
      .values({ event_id: eventId, reason: input.reason, dismissed_by: actor.userId, dismissed_at: ctx.now() })
      .execute();
    record({
      action: 'integrity.suggestion.dismiss',
      entityType: 'project',
      entityId: s.projectId,
      regionCode: s.regionCode,
      after: { eventId, reason: input.reason },
    });
    return { ok: true as const };
  });
}
