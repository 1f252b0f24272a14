import { randomBytes } from 'node:crypto';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';

/*
 * Talent and 科技特派员 demo for 衡阳 (430400): a few talents (two introduced this year, counting towards
 * 引进高层次人才), a 人才雁阵 programme, and 特派员 dispatched to villages of 衡南县 and 衡山县 with a 专家服务团,
 * with a few service logs — one confirmed by its village, one awaiting the answer, one disputed — so the
 * bureau's 服务日志 and 年度考核 show each state. Fictitious people.
 */
export const demoTalents = [
  { name: '周明远', title: '研究员', employer: '南华大学', region: '430407', field: '核技术应用', level: 'leading', introduced: '03-15' },
  { name: '林晓岚', title: '教授', employer: '湖南工学院', region: '430408', field: '智能制造', level: 'high', introduced: '05-20' },
  {
    name: '刘建华',
    title: '高级农艺师',
    employer: '衡阳市农业科学研究所',
    region: '430422',
    field: '油茶栽培',
    level: 'high',
    introduced: null,
  },
  { name: '谭秀英', title: '农艺师', employer: '衡山县农业农村局', region: '430423', field: '茶叶种植', level: 'young', introduced: null },
] as const;

export async function loadDemoTalent(ctx: Ctx, year: number): Promise<void> {
  const db = ctx.db;
  const ids: number[] = [];
  for (const t of demoTalents) {
    const person = await db
      .insertInto('person')
      .values({ name: t.name, title: t.title, employer_name: t.employer })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('talent')
      .values({
        person_id: person.id,
        region_code: t.region,
        field: t.field,
        level: t.level,
        introduced_on: t.introduced ? `${year}-${t.introduced}` : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  await db
    .insertInto('talent_programme')
    .values({ name: '衡阳市“人才雁阵”支持计划', region_code: '430400', description: '支持引进和培育高层次科技创新人才' })
    .execute();
  const team = await db
    .insertInto('commissioner_team')
    .values({ name: '衡南县油茶产业科技特派员服务团', year, region_code: '430422' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dispatch = [
    {
      talent: ids[2],
      region: '430422',
      team: team.id,
      targets: [
        ['village', '栗江镇湖塘村', '430422105201'],
        ['coop', '衡南县绿源油茶专业合作社', null],
      ],
    },
    { talent: ids[3], region: '430423', team: null, targets: [['village', '岭坡乡南岳村', '430423203210']] },
  ] as const;
  const commissioners: { id: number; targetIds: number[] }[] = [];
  for (const d of dispatch) {
    if (d.talent === undefined) continue;
    const c = await db
      .insertInto('commissioner')
      .values({ talent_id: d.talent, year, region_code: d.region, team_id: d.team })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targetIds: number[] = [];
    for (const [kind, name, village] of d.targets) {
      const target = await db
        .insertInto('service_target')
        .values({ commissioner_id: c.id, kind, name, region_code: d.region, village_code: village })
        .returning('id')
        .executeTakeFirstOrThrow();
      targetIds.push(target.id);
    }
    commissioners.push({ id: c.id, targetIds });
  }
  await demoServiceLogs(ctx, year, commissioners);
}

/** Days before today, never before the year began (a 特派员's logs fall in their year). */
function daysAgo(ctx: Ctx, year: number, days: number): string {
  const d = bureauDate(new Date(ctx.now().getTime() - days * 86_400_000));
  return d < `${year}-01-01` ? `${year}-01-01` : d;
}

async function demoServiceLogs(ctx: Ctx, year: number, commissioners: { id: number; targetIds: number[] }[]): Promise<void> {
  const [liu, tan] = commissioners;
  if (!liu?.targetIds[0] || !tan?.targetIds[0]) return;
  const logs = [
    {
      c: liu.id,
      target: liu.targetIds[0],
      days: 20,
      kind: 'training',
      content: '在湖塘村开展油茶低产林改造技术培训，38 名林农参加',
      answer: ['confirmed', '湖塘村村委会 王主任', null],
    },
    {
      c: liu.id,
      target: liu.targetIds[1] ?? liu.targetIds[0],
      days: 6,
      kind: 'guidance',
      content: '到合作社基地指导油茶林冬季修剪和施肥',
      answer: null,
    },
    {
      c: tan.id,
      target: tan.targetIds[0],
      days: 12,
      kind: 'demonstration',
      content: '示范推广茶园绿色防控技术，发放技术资料 60 份',
      answer: ['disputed', '南岳村 赵会计', '当天的示范在乡里集中开展，未到本村'],
    },
  ] as const;
  for (const l of logs) {
    const answered = l.answer !== null;
    await ctx.db
      .insertInto('service_log')
      .values({
        commissioner_id: l.c,
        target_id: l.target,
        served_on: daysAgo(ctx, year, l.days),
        kind: l.kind,
        content: l.content,
        confirm_code: randomBytes(6).toString('hex').toUpperCase().slice(0, 8),
        confirm_token: randomBytes(24).toString('base64url'),
        confirm_result: l.answer?.[0] ?? null,
        confirmed_by: l.answer?.[1] ?? null,
        confirm_note: l.answer?.[2] ?? null,
        confirmed_at: answered ? ctx.now() : null,
      })
      .execute();
    await ctx.db
      .updateTable('commissioner')
      .set((eb) => ({ log_count: eb('log_count', '+', 1) }))
      .where('id', '=', l.c)
      .execute();
    await ctx.db
      .updateTable('service_target')
      .set((eb) => ({ served_logs: eb('served_logs', '+', 1) }))
      .where('id', '=', l.target)
      .execute();
  }
}
