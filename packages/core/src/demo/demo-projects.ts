import { idNumberCheckChar, type TApplicationCreate } from '@kechuang/contracts';
import type { Actor, Ctx } from '../context.ts';
import {
  addPayment,
  addProjectReport,
  confirmContract,
  createApplication,
  createCall,
  createProgramme,
  createUpward,
  decideAcceptance,
  decideApplication,
  passFormalCheck,
  publishCall,
  requestAcceptance,
  setUpwardResult,
  submitApplication,
} from '../project/index.ts';
import { demoActor } from './demo-actor.ts';

/*
 * The projects part of the demo, walked through the same use cases a bureau and its applicants use, with the
 * clock set to each step's day: last year's 重点研发 call from publication to two projects (one accepted, one
 * running with its first payment) and a provincial programme won upward (争资); this year's call open, with
 * two applications past their 形式审查 waiting for expert review. Nothing is started this year, so this year's project count starts
 * at zero and moves only with what a user does.
 */

const wan = (n: number) => n * 1_000_000;

function idNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

/** Beijing time on a day of the given year, as an instant. */
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

function application(callId: number, a: { title: string; leader: string; id17: string; field: string; fiscal: number; self: number }) {
  const input: TApplicationCreate = {
    callId,
    title: a.title,
    fieldCode: a.field,
    direction: '先进制造与新材料',
    summary: `${a.title}：面向衡阳市重点产业链的关键技术攻关，形成样机并在本地企业示范应用。`,
    leader: { name: a.leader, idNumber: idNumber(a.id17), title: '正高级工程师' },
    members: [{ person: { name: `${a.leader.slice(0, 1)}青年` }, role: '技术骨干', workMonths: 12 }],
    budget: [
      { category: 'equipment', fiscalFen: wan(a.fiscal * 0.4), selfFen: wan(a.self) },
      { category: 'business', fiscalFen: wan(a.fiscal * 0.6), selfFen: 0 },
    ],
    fiscalFen: wan(a.fiscal),
    selfFen: wan(a.self),
    targets: [
      { name: '申请发明专利', unit: '件', value: '3' },
      { name: '新增销售收入', unit: '万元', value: '800' },
    ],
  };
  return input;
}

export async function loadDemoProjects(ctx: Ctx, year: number): Promise<void> {
  const planner = await demoActor(ctx, 'planner');
  const company = await demoActor(ctx, 'enterprise');
  const university = await demoActor(ctx, 'institute');
  const as = (actor: Actor, when: Date): Ctx => ({ ...ctx, actor, via: 'demo', now: () => when });
  const last = year - 1;

  // last year's call, from publication to decision
  const programme = await createProgramme(as(planner, at(`${last}-02-10`)), {
    regionCode: '430400',
    kind: 'key_rnd',
    name: '衡阳市重点研发计划',
  });
  const draft = await createCall(as(planner, at(`${last}-02-20`)), {
    programmeId: programme.id,
    regionCode: '430400',
    year: last,
    title: `${last}年度衡阳市重点研发计划项目申报指南`,
    directions: ['先进制造与新材料', '生物医药与核技术应用'],
    maxGrantFen: wan(50),
    budgetFen: wan(120),
    opensAt: at(`${last}-03-01`, '09:00').toISOString(),
    closesAt: at(`${last}-04-15`, '17:30').toISOString(),
    requiredAttachments: [],
    limitPerUnit: 2,
    limitPerLeader: 1,
    recommendation: 'direct',
    eligibility: { applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] },
    demand: null,
  });
  const call = await publishCall(as(planner, at(`${last}-02-21`)), draft.id, draft.version);
  const apply = async (who: Actor, day: string, input: TApplicationCreate) => {
    const created = await createApplication(as(who, at(day)), input);
    return submitApplication(as(who, at(day, '16:00')), created.id, created.version);
  };
  const raman = await apply(
    company,
    `${last}-03-20`,
    application(call.id, {
      title: '高分辨率拉曼光谱仪研制及产业化',
      leader: '周光谱',
      id17: '43040419750312301',
      field: '460',
      fiscal: 50,
      self: 100,
    }),
  );
  const germanium = await apply(
    university,
    `${last}-03-28`,
    application(call.id, {
      title: '核素检测用高纯锗探测器关键技术研究',
      leader: '欧阳核',
      id17: '43040719780521402',
      field: '490',
      fiscal: 40,
      self: 10,
    }),
  );
  const followUp = await apply(
    university,
    `${last}-04-10`,
    application(call.id, {
      title: '老年慢病智能随访系统研发与示范',
      leader: '谭医信',
      id17: '43040719820909503',
      field: '520',
      fiscal: 30,
      self: 5,
    }),
  );
  const checklist = [
    { item: '申报单位资格符合指南要求', ok: true },
    { item: '预算表财政资金与自筹资金合计无误', ok: true },
    { item: '项目负责人限项符合要求', ok: true },
  ];
  const checked = [];
  for (const a of [raman, germanium, followUp])
    checked.push(await passFormalCheck(as(planner, at(`${last}-04-22`)), a.id, { version: a.version, checklist }));
  const [r, g, f] = checked as [(typeof checked)[number], (typeof checked)[number], (typeof checked)[number]];
  await decideApplication(as(planner, at(`${last}-05-20`)), r.id, { version: r.version, selected: true, grantedFen: wan(50) });
  await decideApplication(as(planner, at(`${last}-05-20`)), g.id, { version: g.version, selected: true, grantedFen: wan(40) });
  await decideApplication(as(planner, at(`${last}-05-20`)), f.id, {
    version: f.version,
    selected: false,
    note: '综合评审排名未进入资助范围',
  });

  // the two projects: 任务书 confirmed by both sides, first payments; the spectrometer is accepted
  const projects = await ctx.db
    .selectFrom('project')
    .select(['id', 'version', 'title'])
    .where('year', '=', last)
    .where('region_code', 'like', '4304%')
    .orderBy('id')
    .execute();
  for (const p of projects) {
    const bureauSide = await confirmContract(as(planner, at(`${last}-06-05`)), p.id, {
      version: p.version,
      startOn: `${last}-06-01`,
      endOn: p.title.startsWith('高分辨率') ? `${last}-12-31` : `${year + 1}-05-31`,
    });
    const unit = p.title.startsWith('高分辨率') ? company : university;
    const signed = await confirmContract(as(unit, at(`${last}-06-08`)), p.id, { version: bureauSide.version });
    await addPayment(as(planner, at(`${last}-06-20`)), p.id, {
      version: signed.version,
      amountFen: p.title.startsWith('高分辨率') ? wan(30) : wan(24),
      paidOn: `${last}-06-20`,
      note: '首期拨款（60%）',
    });
  }
  const spectrometer = projects.find((p) => p.title.startsWith('高分辨率'));
  if (spectrometer) {
    const current = async () =>
      (await ctx.db.selectFrom('project').select('version').where('id', '=', spectrometer.id).executeTakeFirstOrThrow()).version;
    await addPayment(as(planner, at(`${last}-11-10`)), spectrometer.id, {
      version: await current(),
      amountFen: wan(20),
      paidOn: `${last}-11-10`,
      note: '验收前拨付余款（40%）',
    });
    await addProjectReport(as(company, at(`${last}-12-05`)), spectrometer.id, {
      kind: 'tech_report',
      period: null,
      content: {
        progress: '完成拉曼光谱仪样机两台，光谱分辨率达到 0.05 nm，在衡阳两家企业开展示范应用。',
        spentFen: wan(150),
        targets: [
          { name: '申请发明专利', achieved: '4' },
          { name: '新增销售收入', achieved: '860' },
        ],
      },
    });
    await requestAcceptance(as(company, at(`${last}-12-10`)), spectrometer.id, await current());
    await decideAcceptance(as(planner, at(`${last}-12-28`)), spectrometer.id, {
      version: await current(),
      taskResult: 'pass',
      financeResult: 'pass',
      verdict: 'pass',
      targetResults: [
        { name: '申请发明专利', promised: '3', achieved: '4', met: true },
        { name: '新增销售收入', promised: '800', achieved: '860', met: true },
      ],
      note: '各项考核指标全部完成，同意通过验收。',
    });
    // 争资: the accepted project recommended to the province's programme, and won
    const upward = await createUpward(as(planner, at(`${last}-08-15`)), {
      projectId: spectrometer.id,
      regionCode: '430400',
      orgName: '衡阳衡山科学仪器有限公司',
      title: '高端科学仪器关键部件攻关与产业化',
      level: 'province',
      programmeName: '湖南省重点研发计划',
      year: last,
      recommendedOn: `${last}-08-15`,
    });
    await setUpwardResult(as(planner, at(`${last}-11-30`)), upward.id, { version: upward.version, status: 'won', wonFen: wan(200) });
  }

  // this year's call, open now, with one application waiting for its formal check
  const now = ctx.now();
  const open = await createCall(as(planner, new Date(now.getTime() - 20 * 86_400_000)), {
    programmeId: programme.id,
    regionCode: '430400',
    year,
    title: `${year}年度衡阳市重点研发计划项目申报指南`,
    directions: ['先进制造与新材料', '电子信息', '生物医药与核技术应用'],
    maxGrantFen: wan(50),
    budgetFen: wan(300),
    opensAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    requiredAttachments: [],
    limitPerUnit: 2,
    limitPerLeader: 1,
    recommendation: 'direct',
    eligibility: { applicantKinds: ['enterprise', 'institute'], regionCodes: [], rungsAnyOf: [] },
    demand: null,
  });
  const published = await publishCall(as(planner, new Date(now.getTime() - 15 * 86_400_000)), open.id, open.version);
  const waiting = await createApplication(
    as(university, new Date(now.getTime() - 3 * 86_400_000)),
    application(published.id, {
      title: '稀土掺杂闪烁晶体辐射探测材料研究',
      leader: '欧阳核',
      id17: '43040719780521402',
      field: '430',
      fiscal: 45,
      self: 15,
    }),
  );
  const fromUniversity = await submitApplication(as(university, new Date(now.getTime() - 2 * 86_400_000)), waiting.id, waiting.version);
  const second = await createApplication(
    as(company, new Date(now.getTime() - 4 * 86_400_000)),
    application(published.id, {
      title: '智能光谱在线检测装置研发及应用',
      leader: '周光谱',
      id17: '43040419750312301',
      field: '460',
      fiscal: 50,
      self: 80,
    }),
  );
  const fromCompany = await submitApplication(as(company, new Date(now.getTime() - 2 * 86_400_000)), second.id, second.version);
  // both pass the formal check and wait for expert review (the review demo draws their panels)
  for (const a of [fromUniversity, fromCompany])
    await passFormalCheck(as(planner, new Date(now.getTime() - 86_400_000)), a.id, { version: a.version, checklist });
}
