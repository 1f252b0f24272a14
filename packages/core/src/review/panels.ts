import { AppError, type TExclusion, type TPanel, type TReviewSubjectKind } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { requireReviewReader, seesSealedNames } from './review.policy.ts';
import type { Db } from './review.repository.ts';
import { subjectSource } from './subjects.ts';

/** Titles of subjects of any kind, keyed "kind:id". */
export async function subjectTitles(db: Db, rows: Array<{ subject_kind: string; subject_id: number }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of new Set(rows.map((r) => r.subject_kind))) {
    const ids = [...new Set(rows.filter((r) => r.subject_kind === kind).map((r) => r.subject_id))];
    for (const [id, title] of await subjectSource(kind).titles(db, ids)) out.set(`${kind}:${id}`, title);
  }
  return out;
}

/** Batch titles of any kind, keyed "kind:id". */
export async function batchTitles(db: Db, rows: Array<{ subject_kind: string; batch_id: number }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const kind of new Set(rows.map((r) => r.subject_kind))) {
    const ids = [...new Set(rows.filter((r) => r.subject_kind === kind).map((r) => r.batch_id))];
    for (const [id, title] of await subjectSource(kind).batchTitles(db, ids)) out.set(`${kind}:${id}`, title);
  }
  return out;
}

/** Panels with their members in draw order, the per-subject exclusions and the log (for the bureau). */
export async function loadPanels(
  db: Db,
  where: { drawId?: number; panelId?: number; batch?: { kind: string; id: number } },
): Promise<TPanel[]> {
  let q = db
    .selectFrom('review_panel as p')
    .select(['p.id', 'p.draw_id', 'p.subject_kind', 'p.subject_id', 'p.batch_id', 'p.region_code', 'p.status', 'p.exclusions', 'p.version'])
    .orderBy('p.subject_id');
  if (where.drawId !== undefined) q = q.where('p.draw_id', '=', where.drawId);
  if (where.panelId !== undefined) q = q.where('p.id', '=', where.panelId);
  if (where.batch) q = q.where('p.subject_kind', '=', where.batch.kind).where('p.batch_id', '=', where.batch.id);
  const panels = await q.execute();
  if (panels.length === 0) return [];
  const ids = panels.map((p) => p.id);
  const titles = await subjectTitles(db, panels);
  const [members, events] = await Promise.all([
    db
      .selectFrom('review_assignment as s')
      .innerJoin('expert as e', 'e.id', 's.expert_id')
      .innerJoin('person as pe', 'pe.id', 'e.person_id')
      .leftJoin('expert_employment as j', (j) => j.onRef('j.expert_id', '=', 'e.id').on('j.to_date', 'is', null))
      .leftJoin('review_score as sc', 'sc.assignment_id', 's.id')
      .select([
        's.id',
        's.panel_id',
        's.expert_id',
        's.position',
        's.seat',
        's.status',
        's.note',
        'pe.name',
        'j.org_name',
        'e.region_code',
        'sc.total',
        'sc.veto',
      ])
      .where('s.panel_id', 'in', ids)
      .orderBy('s.panel_id')
      .orderBy('s.position')
      .execute(),
    db.selectFrom('review_event').selectAll().where('panel_id', 'in', ids).orderBy('id').execute(),
  ]);
  return panels.map((p) => {
    const seen = new Set<number>();
    return {
      id: p.id,
      drawId: p.draw_id,
      subjectKind: p.subject_kind as TReviewSubjectKind,
      subjectId: p.subject_id,
      subjectTitle: titles.get(`${p.subject_kind}:${p.subject_id}`) ?? '',
      batchId: p.batch_id,
      regionCode: p.region_code,
      status: p.status as TPanel['status'],
      members: members
        .filter((m) => m.panel_id === p.id)
        // an expert with two current employers is listed once
        .filter((m) => !seen.has(m.id) && seen.add(m.id) !== undefined)
        .map((m) => ({
          assignmentId: m.id,
          expertId: m.expert_id,
          name: m.name,
          employer: m.org_name,
          regionCode: m.region_code,
          position: m.position,
          seat: m.seat,
          status: m.status as TPanel['members'][number]['status'],
          note: m.note,
          total: m.total === null ? null : String(m.total),
          veto: m.veto ?? false,
        })),
      exclusions: p.exclusions as TExclusion[],
      events: events
        .filter((e) => e.panel_id === p.id)
        .map((e) => ({ at: e.at.toISOString(), actor: e.actor_username, kind: e.kind, detail: e.detail })),
      version: p.version,
    };
  });
}

export async function getPanel(ctx: Ctx, id: number): Promise<TPanel> {
  const [panel] = await loadPanels(ctx.db, { panelId: id });
  if (!panel) throw new AppError('review/panel_not_found', { id });
  const actor = requireReviewReader(ctx, panel.regionCode);
  if (panel.status === 'sealed' && !seesSealedNames(actor))
    return { ...panel, members: panel.members.map((m) => ({ ...m, name: '（密封）', employer: null })), exclusions: [] };
  return panel;
}
