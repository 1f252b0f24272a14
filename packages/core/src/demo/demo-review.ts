import type { Actor, Ctx } from '../context.ts';
import { declareAssignment, drawPanels, getDraw, openDraw, saveRubric, submitScore } from '../review/index.ts';
import { demoActor } from './demo-actor.ts';

/*
 * Demo data of 专家评审 (not wired: the demo loader calls it after the projects and the expert pool): on the
 * bureau's call of the given year that has applications under review, the rubric (会评: the secretary enters the
 * sheets; trimmed mean, threshold 30), one draw of 5 + 2 for every such application, the review opened, and every
 * seat declared and scored by the secretary except the seat of the demo `expert` account, which is left to
 * declare — so the expert's workbench and the bureau's ranking both have something to show. Scores spread on purpose, so that one application carries the
 * dispersion flag. Nothing happens when no application is under review or the pool is too small.
 */

// five sheets per application (innovation, feasibility, team, benefit, budget); the second spreads past 30
const sheets = [
  [
    ['26', '21', '13', '17', '8'],
    ['24', '20', '12', '16', '8'],
    ['27', '22', '13', '18', '9'],
    ['25', '21', '12', '16', '7'],
    ['23', '19', '11', '15', '8'],
  ],
  [
    ['28', '23', '14', '18', '9'],
    ['15', '12', '8', '10', '5'],
    ['25', '20', '12', '16', '8'],
    ['22', '18', '11', '15', '7'],
    ['26', '21', '13', '17', '8'],
  ],
];
const keys = ['innovation', 'feasibility', 'team', 'benefit', 'budget'] as const;

export async function loadDemoReview(ctx: Ctx, year: number): Promise<{ panels: number }> {
  const planner = await demoActor(ctx, 'planner');
  const as = (actor: Actor): Ctx => ({ ...ctx, actor, via: 'demo' });
  const waiting = await ctx.db
    .selectFrom('project_application as a')
    .innerJoin('project_call as c', 'c.id', 'a.call_id')
    .leftJoin('review_panel as p', (j) => j.onRef('p.subject_id', '=', 'a.id').on('p.subject_kind', '=', 'project_application'))
    .select(['c.id as call_id'])
    .where('c.region_code', '=', '430400')
    .where('c.year', '=', year)
    .where('a.status', '=', 'under_review')
    .where('p.id', 'is', null)
    .orderBy('c.id')
    .executeTakeFirst();
  if (!waiting) return { panels: 0 };
  const batchId = waiting.call_id;
  await saveRubric(as(planner), {
    subjectKind: 'project_application',
    batchId,
    criteria: [
      { key: 'innovation', name: '创新性', max: '30' },
      { key: 'feasibility', name: '可行性', max: '25' },
      { key: 'team', name: '团队基础', max: '15' },
      { key: 'benefit', name: '预期效益', max: '20' },
      { key: 'budget', name: '经费合理性', max: '10' },
    ],
    aggregation: 'trimmed_mean',
    dispersionThreshold: '30',
    mode: 'meeting',
  });
  const reviewFrom = `${year}-06-10`;
  let draw: Awaited<ReturnType<typeof drawPanels>>;
  try {
    draw = await drawPanels(as(planner), {
      batchId,
      constraints: { size: 5, reserves: 2, maxPerEmployer: 2, reviewFrom, reviewTo: `${year}-06-12` },
    });
  } catch {
    return { panels: 0 };
  }
  await openDraw(as(planner), draw.id);
  const opened = await getDraw(as(planner), draw.id);
  const expertOf = async (expertId: number) =>
    ctx.db
      .selectFrom('expert as e')
      .innerJoin('app_user as u', 'u.id', 'e.user_id')
      .select('u.username')
      .where('e.id', '=', expertId)
      .executeTakeFirst();
  for (const [k, panel] of opened.panelList.entries()) {
    const seats = panel.members.filter((m) => m.seat);
    for (const [i, m] of seats.entries()) {
      const account = await expertOf(m.expertId);
      if (account?.username === 'expert') continue;
      // the meeting's secretary records the declaration and enters the sheet
      await declareAssignment(as(planner), m.assignmentId, { conflict: false });
      const sheet = (sheets[k % sheets.length] as string[][])[i % 5] as string[];
      await submitScore(as(planner), m.assignmentId, {
        scores: Object.fromEntries(keys.map((key, j) => [key, sheet[j] as string])),
        opinion: '研究目标明确，技术路线可行，建议支持。',
      });
    }
  }
  return { panels: opened.panelList.length };
}
