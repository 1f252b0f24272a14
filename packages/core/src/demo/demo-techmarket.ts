import type { TAchievementInput, TListingInput, TTechContractDraft } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Actor, Ctx } from '../context.ts';
import {
  acceptContract,
  createContract,
  createPoint,
  recogniseContract,
  registerSeller,
  requestCorrection,
  submitContract,
  updateContract,
  uploadContractFile,
} from '../techmarket/index.ts';
import {
  addBrokerCertificate,
  addBrokerTraining,
  addEventParticipant,
  createAchievement,
  createAgency,
  createListing,
  createMarketEvent,
  introducePair,
  linkPairContract,
  publishListing,
  registerAchievement,
  registerBroker,
  setContractBroker,
  signIntention,
  submitAchievement,
  submitListing,
} from '../techmarket/market/index.ts';
import { demoActor } from './demo-actor.ts';

/*
 * Demo technology market of 衡阳 (430400), walked through the use cases: the 潇湘科技要素大市场衡阳分中心 as the
 * registration point; 南华大学 registered as a seller (the demo enterprise registers itself in the journey); contracts submitted, one after
 * 补正, and recognised (one with a deduction for equipment); achievements of 南华大学 registered; the four lists
 * with entries of both and of the bureau, published; a 对接会 with participants, pairs, an intention and the
 * contract it led to; a technology-transfer agency with a trained and certified broker credited with a contract.
 * Dates fall in `year`, never after today. Not wired into the demo loader: call
 * `loadDemoTechmarket({ ...ctx, via: 'demo' }, year)` after the organisations and accounts exist.
 */

const wan = (n: number) => Math.round(n * 1_000_000);
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const achievements: TAchievementInput[] = [
  {
    title: '放射性废水中铀的高效吸附分离材料',
    summary: '功能化多孔吸附材料对含铀废水中铀酰离子选择性吸附，吸附容量高、可再生，已完成中试，适用于铀矿冶和核设施废水处理。',
    kind: 'applied_technology',
    fieldCode: 'nuclear',
    keywords: ['铀吸附', '放射性废水'],
    trl: 6,
    maturity: 'pilot',
    ipKind: 'invention_patent',
    ipNumbers: ['ZL202110000001.1'],
    projectId: null,
    completedOn: null,
  },
  {
    title: '含铊冶炼废水深度处理技术',
    summary: '高效除铊药剂与多级沉淀过滤组合工艺，冶炼废水中铊稳定低于2微克每升，已在湘南冶炼企业示范应用。',
    kind: 'applied_technology',
    fieldCode: 'environment',
    keywords: ['除铊', '重金属废水'],
    trl: 7,
    maturity: 'small_batch',
    ipKind: 'invention_patent',
    ipNumbers: ['ZL202210000002.2'],
    projectId: null,
    completedOn: null,
  },
  {
    title: '高精度拉曼光谱在线检测仪',
    summary: '面向化工过程在线检测的拉曼光谱仪，分辨率优于2 cm-1，配套成分定量模型，已完成样机与中试。',
    kind: 'applied_technology',
    fieldCode: 'advanced_manufacturing',
    keywords: ['拉曼光谱', '在线检测'],
    trl: 6,
    maturity: 'pilot',
    ipKind: 'invention_patent',
    ipNumbers: ['ZL202310000003.3'],
    projectId: null,
    completedOn: null,
  },
  {
    title: '油茶低产林高接换冠与水肥一体化技术',
    summary: '芽苗砧嫁接和高接换冠改造低产油茶林，配合山地滴灌水肥一体化，三年恢复挂果，产量提高一倍以上。',
    kind: 'applied_technology',
    fieldCode: 'agriculture',
    keywords: ['油茶', '高接换冠'],
    trl: 8,
    maturity: 'industrialised',
    ipKind: 'none',
    ipNumbers: [],
    projectId: null,
    completedOn: null,
  },
];

export async function loadDemoTechmarket(ctx: Ctx, year: number): Promise<void> {
  const admin = await demoActor(ctx, 'admin');
  const planner = await demoActor(ctx, 'planner');
  const company = await demoActor(ctx, 'enterprise');
  const university = await demoActor(ctx, 'institute');
  const today = bureauDate(ctx.now());
  const on = (md: string): Date => {
    const day = `${year}-${md}` < today ? `${year}-${md}` : today;
    return new Date(`${day}T10:00:00+08:00`);
  };
  const as = (actor: Actor, md: string): Ctx => ({ ...ctx, actor, via: 'demo', now: () => on(md) });
  const date = (md: string) => bureauDate(on(md));

  // the registration point and the sellers
  const bureauOrg = admin.orgId;
  await createPoint(as(admin, '01-05'), { name: '潇湘科技要素大市场衡阳分中心', orgId: bureauOrg, regions: ['430400'] });
  // the demo enterprise is left to register itself (the technology market's journey starts there)
  await registerSeller(as(university, '01-10'), { uscc: null, kind: 'university', contact: '南华大学科研处' });

  // contracts: written, submitted, accepted, one after 补正, recognised
  const contract = async (
    who: Actor,
    d: TTechContractDraft,
    md: [string, string, string],
    opts: { correction?: string; equipmentWan?: number } = {},
  ) => {
    let c = await createContract(as(who, md[0]), d);
    if (ctx.files) await uploadContractFile(as(who, md[0]), c.id, { filename: `${d.name}.pdf`, bytes: pdf });
    else
      await ctx.db
        .insertInto('tech_contract_file')
        .values({
          contract_id: c.id,
          filename: `${d.name}.pdf`,
          content_type: 'application/pdf',
          size_bytes: pdf.byteLength,
          sha256: 'demo',
          storage_key: `demo/${c.id}`,
        })
        .execute();
    c = await submitContract(as(who, md[0]), c.id, c.version);
    c = await acceptContract(as(planner, md[1]), c.id, c.version);
    if (opts.correction) {
      c = await requestCorrection(as(planner, md[1]), c.id, c.version, opts.correction);
      c = await updateContract(as(who, md[1]), c.id, { ...d, version: c.version });
      c = await submitContract(as(who, md[1]), c.id, c.version);
    }
    const costItems = opts.equipmentWan ? [{ kind: 'equipment' as const, quantity: 1, unitCostFen: wan(opts.equipmentWan) }] : [];
    return await recogniseContract(as(planner, md[2]), c.id, {
      version: c.version,
      subject: d.subject,
      costItems,
      disputed: false,
      note: '',
    });
  };
  const base = { ipType: '技术秘密', socioGoal: '工业发展', projectSource: '', payments: [] };
  const c1 = await contract(
    university,
    {
      ...base,
      name: '含铊废水深度处理技术开发合同',
      subject: 'commissioned_development',
      buyerName: '耒阳某有色冶炼有限公司',
      buyerRegionCode: '430481',
      contractAmountFen: wan(380),
      techField: '环境保护与资源综合利用',
      signedOn: date('02-20'),
    },
    ['02-25', '03-01', '03-10'],
    { equipmentWan: 60 },
  );
  await contract(
    university,
    {
      ...base,
      name: '核辐射监测软件著作权许可合同',
      subject: 'other_ip_license',
      buyerName: '长沙某检测技术有限公司',
      buyerRegionCode: '430104',
      contractAmountFen: wan(120),
      techField: '电子信息',
      ipType: '计算机软件著作权',
      signedOn: date('03-01'),
    },
    ['03-05', '03-08', '03-20'],
    { correction: '请补正合同盖章页' },
  );
  await contract(
    university,
    {
      ...base,
      name: '放射性废水处理技术咨询合同',
      subject: 'consulting',
      buyerName: '湖南某核设施运营单位',
      buyerRegionCode: '430407',
      contractAmountFen: wan(45),
      techField: '核应用技术',
      signedOn: date('03-15'),
    },
    ['03-18', '03-20', '03-28'],
  );
  await contract(
    university,
    {
      ...base,
      name: '在线放射性检测系统技术服务合同',
      subject: 'technical_service',
      buyerName: '武汉某化工有限公司',
      buyerRegionCode: '420106',
      contractAmountFen: wan(85),
      techField: '先进制造',
      signedOn: date('04-01'),
    },
    ['04-03', '04-06', '04-15'],
  );

  // 科技成果登记 and the four lists
  const listings: number[] = [];
  for (const [i, a] of achievements.entries()) {
    let r = await createAchievement(as(university, '01-15'), a);
    r = await submitAchievement(as(university, '01-15'), r.id, r.version);
    r = await registerAchievement(as(planner, '01-20'), r.id, r.version);
    if (i < 3) {
      const l = await createListing(as(university, '01-25'), {
        kind: 'achievement',
        title: `${a.title}（转让/许可）`,
        description: a.summary,
        fieldCode: a.fieldCode,
        keywords: a.keywords,
        achievementId: r.id,
        amountFen: null,
        trl: a.trl,
        contact: '南华大学科研处 0734-8281234',
        validUntil: null,
      });
      listings.push(l.id);
    }
  }
  const entry = (
    kind: TListingInput['kind'],
    title: string,
    description: string,
    fieldCode: TListingInput['fieldCode'],
    amountWan: number | null,
  ): TListingInput => ({
    kind,
    title,
    description,
    fieldCode,
    keywords: [],
    achievementId: null,
    amountFen: amountWan === null ? null : wan(amountWan),
    trl: null,
    contact: '',
    validUntil: null,
  });
  const demands = [
    await createListing(
      as(company, '02-01'),
      entry(
        'demand',
        '冶炼废水铊深度去除技术需求',
        '企业冶炼外排废水中铊难以稳定达标，需要高效深度处理工艺，出水铊浓度低于2微克每升。',
        'environment',
        400,
      ),
    ),
    await createListing(
      as(company, '02-01'),
      entry(
        'demand',
        '化工过程在线成分检测需求',
        '需要在线光谱检测设备实时检测反应釜物料成分，替代离线取样化验。',
        'advanced_manufacturing',
        100,
      ),
    ),
    await createListing(
      as(planner, '02-02'),
      entry(
        'common_demand',
        '衡阳油茶产业提质增效共性技术',
        '衡阳油茶林普遍产量偏低，需要良种换冠、水肥一体化与病虫害绿色防控的共性技术。',
        'agriculture',
        null,
      ),
    ),
    await createListing(
      as(company, '02-03'),
      entry(
        'financing',
        '精密光谱仪扩产融资需求',
        '企业拟扩建精密光谱仪生产线，寻求股权融资，用于设备购置与研发投入。',
        'advanced_manufacturing',
        2000,
      ),
    ),
  ];
  for (const l of [
    ...listings.map((id) => ({ id, owner: university })),
    ...demands.map((d) => ({ id: d.id, owner: d.kind === 'common_demand' ? planner : company })),
  ]) {
    const current = await ctx.db.selectFrom('tm_listing').select('version').where('id', '=', l.id).executeTakeFirstOrThrow();
    const s = await submitListing(as(l.owner, '02-05'), l.id, current.version);
    await publishListing(as(planner, '02-08'), l.id, s.version);
  }

  // a 对接会 followed to the contract it produced
  const event = await createMarketEvent(as(planner, '02-20'), {
    name: `${year}年衡阳市科技成果转化对接会（有色与环保专场）`,
    heldOn: date('02-20'),
    regionCode: '430400',
    venue: '衡阳高新区科技创新中心',
    theme: '有色冶炼废水治理与资源化',
  });
  await addEventParticipant(as(planner, '02-20'), event.id, { orgId: university.orgId, role: 'supply' });
  await addEventParticipant(as(planner, '02-20'), event.id, { orgId: company.orgId, role: 'demand' });
  await addEventParticipant(as(planner, '02-20'), event.id, { orgId: null, name: '耒阳某有色冶炼有限公司', role: 'demand' });
  const pair = await introducePair(as(planner, '02-20'), event.id, {
    demandListingId: demands[0]?.id as number,
    supplyListingId: listings[1] as number,
    supplierOrgId: null,
    note: '企业与南华大学团队现场对接',
  });
  const intention = await signIntention(as(planner, '02-22'), pair.id, {
    version: pair.version,
    signedOn: date('02-22'),
    amountFen: wan(350),
    note: '',
  });
  await linkPairContract(as(planner, '03-12'), pair.id, { version: intention.version, contractId: c1.id });
  await introducePair(as(planner, '02-20'), event.id, {
    demandListingId: demands[1]?.id as number,
    supplyListingId: listings[2] as number,
    supplierOrgId: null,
    note: '',
  });

  // a technology-transfer agency and its broker, credited with the contract
  const agencyOrg = await ctx.db
    .insertInto('organization')
    .values({ name: '衡阳市技术转移服务中心', kind: 'agency', region_code: '430408' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agency = await createAgency(as(planner, '01-08'), {
    orgId: agencyOrg.id,
    level: 'municipal',
    recognisedOn: `${year - 2}-06-01`,
    services: '技术转移、成果评价、技术合同登记辅导',
  });
  const broker = await registerBroker(as(planner, '01-08'), {
    person: { name: '周技转', title: '技术经理人' },
    agencyId: agency.id,
    regionCode: '430408',
  });
  await addBrokerTraining(as(planner, '01-12'), broker.id, {
    course: '技术经理人能力提升培训（初级）',
    provider: '湖南省技术转移人才培训基地',
    hours: 48,
    completedOn: date('01-12'),
  });
  await addBrokerCertificate(as(planner, '01-12'), broker.id, {
    certificateNo: `HNJL${year}0001`,
    level: 'junior',
    issuedBy: '湖南省技术转移人才培训基地',
    issuedOn: date('01-12'),
    validUntil: null,
  });
  await setContractBroker(as(planner, '03-12'), c1.id, { agencyId: agency.id, brokerId: broker.id, feeFen: wan(8) });
}
