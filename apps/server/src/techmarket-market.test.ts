import { sql } from '@kechuang/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Body, callAs, orgIdNamed, pdf } from './techmarket-test-kit.ts';
import { type Client, createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let admin: Client;
let planner: Client;
let company: Client;
let institute: Client;
let viewer: Client;
const year = new Date().getFullYear();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  planner = await t.login('planner');
  company = await t.login('enterprise');
  institute = await t.login('institute');
  viewer = await t.login('province');
}, 120_000);
afterAll(async () => t?.close());

const call = (c: Client | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => callAs(t, c, method, url, payload);
const orgId = (name: string) => orgIdNamed(t, name);
const audits = () => t.count('audit_log');

const achievement = {
  title: '高精度拉曼光谱仪关键技术',
  summary: '面向在线检测的高精度拉曼光谱仪，分辨率优于2 cm-1，已完成样机与中试。',
  kind: 'applied_technology',
  fieldCode: 'advanced_manufacturing',
  keywords: ['拉曼光谱', '在线检测'],
  trl: 6,
  maturity: 'pilot',
  ipKind: 'invention_patent',
  ipNumbers: ['ZL202310000001.X'],
};

describe('科技成果登记', () => {
  let id = 0;
  let version = 0;

  it('keeps a draft of the unit, refuses a project that is not the unit’s, and writes nothing then', async () => {
    const before = await audits();
    const bad = await call(institute, 'POST', '/api/techmarket/achievements', { ...achievement, projectId: 999_999 });
    expect(bad.body.code).toBe('market/project_not_found');
    expect(await audits()).toBe(before);
    const bad2 = await call(institute, 'POST', '/api/techmarket/achievements', { ...achievement, trl: 12 });
    expect(bad2.status).toBe(400);
    const ok = await call(institute, 'POST', '/api/techmarket/achievements', achievement);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'draft', ownerOrgName: '南华大学', regionCode: '430407', trl: 6 });
    id = ok.body.id as number;
    version = ok.body.version as number;
    // a draft is the owner's own: the bureau neither lists nor opens it
    expect((await call(planner, 'GET', `/api/techmarket/achievements/${id}`)).status).toBe(403);
    expect(((await call(planner, 'GET', '/api/techmarket/achievements')).body.items as Body[]).some((a) => a.id === id)).toBe(false);
    expect((await call(company, 'GET', `/api/techmarket/achievements/${id}`)).status).toBe(403);
  });

  it('is registered by the bureau with a number, and the year’s count moves', async () => {
    const counted = async (region: string) =>
      Number(
        (
          await t.database.db
            .selectFrom('indicator_value')
            .select('value')
            .where('indicator_code', '=', 'achievement_registered_count')
            .where('region_code', '=', region)
            .where('period', '=', String(year))
            .where('superseded_at', 'is', null)
            .executeTakeFirst()
        )?.value ?? 0,
      );
    const before = { county: await counted('430407'), city: await counted('430400'), province: await counted('430000') };
    const s = await call(institute, 'POST', `/api/techmarket/achievements/${id}/submit`, { version });
    expect(s.body.status).toBe('submitted');
    // the owner cannot register its own; the viewer cannot either
    expect((await call(institute, 'POST', `/api/techmarket/achievements/${id}/register`, { version: s.body.version })).status).toBe(403);
    expect((await call(viewer, 'POST', `/api/techmarket/achievements/${id}/register`, { version: s.body.version })).status).toBe(403);
    const stale = await call(planner, 'POST', `/api/techmarket/achievements/${id}/register`, { version: 1 });
    expect(stale.status).toBe(409);
    const r = await call(planner, 'POST', `/api/techmarket/achievements/${id}/register`, { version: s.body.version });
    expect(r.status).toBe(200);
    expect(r.body.registrationNo).toMatch(new RegExp(`^430407CG${year}\\d{5}$`));
    version = r.body.version as number;
    const value = async (region: string) =>
      (
        await t.database.db
          .selectFrom('indicator_value')
          .select('value')
          .where('indicator_code', '=', 'achievement_registered_count')
          .where('region_code', '=', region)
          .where('period', '=', String(year))
          .where('superseded_at', 'is', null)
          .executeTakeFirst()
      )?.value;
    expect(Number(await value('430407'))).toBe(before.county + 1);
    expect(Number(await value('430400'))).toBe(before.city + 1);
    expect(Number(await value('430000'))).toBe(before.province + 1);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'tm_achievement').execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['market.achievement.create', 'market.achievement.submit', 'market.achievement.register']),
    );
    // a registered achievement is not edited any more
    const edit = await call(institute, 'PUT', `/api/techmarket/achievements/${id}`, { ...achievement, version });
    expect(edit.body.code).toBe('market/wrong_status');
  });

  it('shows the region’s submitted achievements to the viewer and the bureau; a returned one goes back to the owner', async () => {
    const list = await call(viewer, 'GET', '/api/techmarket/achievements?region=430400');
    expect((list.body.items as Body[]).some((a) => a.id === id)).toBe(true);
    // past the last page the total is still told (counted apart, with no rows to carry it)
    const past = await call(viewer, 'GET', '/api/techmarket/achievements?region=430400&page=99');
    expect(past.body).toMatchObject({ items: [], total: list.body.total, page: 99 });
    const pastListings = await call(viewer, 'GET', '/api/techmarket/listings?region=430400&page=99');
    const listings = await call(viewer, 'GET', '/api/techmarket/listings?region=430400');
    expect(pastListings.body).toMatchObject({ items: [], total: listings.body.total });
    const other = await call(company, 'POST', '/api/techmarket/achievements', { ...achievement, title: '光谱仪温漂补偿方法' });
    const sub = await call(company, 'POST', `/api/techmarket/achievements/${other.body.id}/submit`, { version: other.body.version });
    const back = await call(admin, 'POST', `/api/techmarket/achievements/${other.body.id}/return`, {
      version: sub.body.version,
      note: '请补充知识产权证明',
    });
    expect(back.body).toMatchObject({ status: 'returned', note: '请补充知识产权证明' });
    const again = await call(company, 'PUT', `/api/techmarket/achievements/${other.body.id}`, {
      ...achievement,
      version: back.body.version,
    });
    expect(again.status).toBe(200);
  });
});

const demand = {
  kind: 'demand',
  title: '在线拉曼光谱检测设备国产化需求',
  description: '企业生产线需要在线拉曼光谱检测设备，实时检测原料成分，要求分辨率优于3 cm-1，替代进口光谱仪。',
  fieldCode: 'advanced_manufacturing',
  keywords: ['拉曼光谱'],
  amountFen: 50_000_000,
};

describe('四张清单：填报、审核发布与公开检索', () => {
  const ids: Record<string, number> = {};

  it('takes entries from units and the bureau, publishes after review, and hides drafts from the public', async () => {
    const d = await call(company, 'POST', '/api/techmarket/listings', demand);
    expect(d.status).toBe(200);
    ids.demand = d.body.id as number;
    const achId = (
      await t.database.db.selectFrom('tm_achievement').select('id').where('status', '=', 'registered').executeTakeFirstOrThrow()
    ).id;
    // a 成果清单 entry may offer only the owner's own registered achievement
    const wrong = await call(company, 'POST', '/api/techmarket/listings', {
      kind: 'achievement',
      title: '拉曼光谱仪成果转让',
      description: '高精度拉曼光谱仪整套技术转让，含专利与工艺文件。',
      fieldCode: 'advanced_manufacturing',
      achievementId: achId,
    });
    expect(wrong.body.code).toBe('market/achievement_not_found');
    const s = await call(institute, 'POST', '/api/techmarket/listings', {
      kind: 'achievement',
      title: '高精度拉曼光谱仪技术转让',
      description: '南华大学研制的高精度拉曼光谱仪，分辨率优于2 cm-1，适用于在线检测，可转让或许可。',
      fieldCode: 'advanced_manufacturing',
      keywords: ['拉曼光谱', '光谱仪'],
      achievementId: achId,
      trl: 6,
    });
    expect(s.status).toBe(200);
    ids.supply = s.body.id as number;
    const c = await call(planner, 'POST', '/api/techmarket/listings', {
      kind: 'common_demand',
      title: '有色金属冶炼废水深度处理共性技术',
      description: '衡阳有色冶炼企业普遍面临含铊废水稳定达标难题，需要共性深度处理技术。',
      fieldCode: 'environment',
    });
    expect(c.body).toMatchObject({ ownerKind: 'bureau', status: 'draft' });
    ids.common = c.body.id as number;
    // a government office is no owner of list entries
    const reporter = await t.login('reporter.leiyang');
    expect((await call(reporter, 'POST', '/api/techmarket/listings', demand)).status).toBe(403);

    expect((await call(null, 'GET', `/api/public/market/listings/${ids.demand}`)).status).toBe(404);
    for (const [key, owner] of [
      ['demand', company],
      ['supply', institute],
      ['common', planner],
    ] as const) {
      const cur = await call(owner, 'GET', `/api/techmarket/listings/${ids[key]}`);
      const sub = await call(owner, 'POST', `/api/techmarket/listings/${ids[key]}/submit`, { version: cur.body.version });
      expect(sub.body.status).toBe('submitted');
      // the owner does not publish its own entry
      if (owner !== planner)
        expect((await call(owner, 'POST', `/api/techmarket/listings/${ids[key]}/publish`, { version: sub.body.version })).status).toBe(403);
      const pub = await call(admin, 'POST', `/api/techmarket/listings/${ids[key]}/publish`, { version: sub.body.version });
      expect(pub.body.status).toBe('published');
    }
    expect((await call(null, 'GET', `/api/public/market/listings/${ids.demand}`)).body.title).toBe(demand.title);
  });

  it('finds entries by segmented words, by pinyin initials, by field and region, without signing in', async () => {
    const words = await call(null, 'GET', `/api/public/market/listings?q=${encodeURIComponent('拉曼光谱仪检测')}`);
    expect(words.status).toBe(200);
    expect(words.body.terms).toEqual(expect.arrayContaining(['光谱', '光谱仪', '检测']));
    const titles = (words.body.items as Body[]).map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining([demand.title, '高精度拉曼光谱仪技术转让']));
    expect(titles).not.toContain('有色金属冶炼废水深度处理共性技术');
    expect((words.body.items as Body[])[0]?.matchedTerms).toEqual(expect.arrayContaining(['光谱']));
    const initials = await call(null, 'GET', '/api/public/market/listings?q=ysjsyl');
    expect((initials.body.items as Body[]).map((i) => i.title)).toEqual(['有色金属冶炼废水深度处理共性技术']);
    const field = await call(null, 'GET', '/api/public/market/listings?field=environment&pageSize=100');
    expect((field.body.items as Body[]).map((i) => i.id)).toContain(ids.common);
    expect((field.body.items as Body[]).every((i) => i.fieldCode === 'environment')).toBe(true);
    const region = await call(null, 'GET', '/api/public/market/listings?region=430407&kind=achievement');
    expect((region.body.items as Body[]).map((i) => i.id)).toContain(ids.supply);
    expect((region.body.items as Body[]).every((i) => i.regionCode === '430407' && i.kind === 'achievement')).toBe(true);
    const elsewhere = await call(null, 'GET', '/api/public/market/listings?region=420100');
    expect(elsewhere.body.total).toBe(0);
    const paged = await call(null, 'GET', '/api/public/market/listings?pageSize=1&page=2');
    const all = await call(null, 'GET', '/api/public/market/listings?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(paged.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 1 });
    expect((paged.body.items as Body[])[0]?.id).toBe((all.body.items as Body[])[1]?.id);
    expect(paged.body.items as Body[]).toHaveLength(1);
    // what the public sees carries no review note or version
    expect((words.body.items as Body[])[0]).not.toHaveProperty('note');
  });

  it('matches a demand to achievements (and an achievement to demands) with the reason', async () => {
    const m = await call(company, 'GET', `/api/techmarket/listings/${ids.demand}/matches`);
    expect(m.status).toBe(200);
    expect(m.body.direction).toBe('demand_to_supply');
    const ranked = m.body.listings as Array<{ listing: Body; reason: Body; score: number }>;
    // among the first (a demo with more 光谱 entries may add one before it)
    expect(ranked.slice(0, 3).map((x) => x.listing.id)).toContain(ids.supply);
    const first = ranked.find((x) => x.listing.id === ids.supply);
    expect(first?.reason).toMatchObject({ sameField: true, fieldCode: 'advanced_manufacturing', region: 'city' });
    expect(first?.reason.sharedTerms).toEqual(expect.arrayContaining(['光谱', '检测']));
    // experts of the pool whose specialty speaks of the demand; a paused expert is not proposed
    const expert = async (name: string, specialty: string, status: string) => {
      const person = await t.database.db.insertInto('person').values({ name }).returning('id').executeTakeFirstOrThrow();
      await sql`insert into expert (person_id, region_code, specialty, status) values (${person.id}, '430407', ${specialty}, ${status})`.execute(
        t.database.db,
      );
    };
    await expert('光谱专家', '拉曼光谱与在线光谱检测仪器', 'active');
    await expert('暂停专家', '拉曼光谱仪器', 'paused');
    await expert('农业专家', '油茶栽培与病虫害防治', 'active');
    const withExperts = await call(company, 'GET', `/api/techmarket/listings/${ids.demand}/matches`);
    const experts = withExperts.body.experts as Array<{ name: string; reason: Body }>;
    expect(experts.map((e) => e.name)).toContain('光谱专家');
    expect(experts.map((e) => e.name)).not.toContain('暂停专家');
    expect(experts.map((e) => e.name)).not.toContain('农业专家');
    expect(experts.find((e) => e.name === '光谱专家')?.reason).toMatchObject({ sameField: false, region: 'city' });
    const back = await call(planner, 'GET', `/api/techmarket/listings/${ids.supply}/matches`);
    expect(back.body.direction).toBe('supply_to_demand');
    expect((back.body.listings as Array<{ listing: Body }>).slice(0, 3).map((x) => x.listing.id)).toContain(ids.demand);
    // another unit cannot ask for the matches of the company's entry unless it is published … it is, but they need a reason to see it
    const withdrawn = await call(company, 'POST', `/api/techmarket/listings/${ids.demand}/withdraw`, {
      version: (await call(company, 'GET', `/api/techmarket/listings/${ids.demand}`)).body.version,
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    const after = await call(planner, 'GET', `/api/techmarket/listings/${ids.supply}/matches`);
    expect((after.body.listings as Array<{ listing: Body }>).map((x) => x.listing.id)).not.toContain(ids.demand);
    expect((await call(null, 'GET', `/api/public/market/listings/${ids.demand}`)).status).toBe(404);
  });
});

describe('对接会 followed to a registered contract', () => {
  it('introduces a published demand, records the intention, links the registered contract and reports the funnel', async () => {
    // a fresh published demand of the company and the institute's published achievement entry
    const d = await call(company, 'POST', '/api/techmarket/listings', { ...demand, title: '光谱检测设备联合开发需求' });
    const ds = await call(company, 'POST', `/api/techmarket/listings/${d.body.id}/submit`, { version: d.body.version });
    await call(planner, 'POST', `/api/techmarket/listings/${d.body.id}/publish`, { version: ds.body.version });
    const supply = await t.database.db
      .selectFrom('tm_listing')
      .select('id')
      .where('kind', '=', 'achievement')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();

    const ev = await call(planner, 'POST', '/api/techmarket/events', {
      name: '衡阳市科技成果对接会（仪器仪表专场）',
      heldOn: `${year}-05-20`,
      regionCode: '430400',
    });
    expect(ev.status).toBe(200);
    expect(
      (await call(company, 'POST', '/api/techmarket/events', { name: '企业自办对接会', heldOn: `${year}-05-20`, regionCode: '430400' }))
        .status,
    ).toBe(403);
    expect(
      (await call(planner, 'POST', '/api/techmarket/events', { name: '武汉对接会', heldOn: `${year}-05-20`, regionCode: '420100' })).status,
    ).toBe(403);
    const part = await call(planner, 'POST', `/api/techmarket/events/${ev.body.id}/participants`, {
      orgId: await orgId('南华大学'),
      role: 'supply',
    });
    expect(part.body).toMatchObject({ name: '南华大学', role: 'supply' });

    // a pair starts from a published demand; an achievement or a draft is refused, writing nothing
    const before = await audits();
    expect((await call(planner, 'POST', `/api/techmarket/events/${ev.body.id}/pairs`, { demandListingId: supply.id })).body.code).toBe(
      'market/not_a_demand',
    );
    expect(await audits()).toBe(before);
    const pair = await call(planner, 'POST', `/api/techmarket/events/${ev.body.id}/pairs`, {
      demandListingId: d.body.id,
      supplyListingId: supply.id,
    });
    expect(pair.body).toMatchObject({ status: 'introduced', supplierName: '南华大学', introducedOn: `${year}-05-20` });
    expect(
      (
        await call(planner, 'POST', `/api/techmarket/events/${ev.body.id}/pairs`, {
          demandListingId: d.body.id,
          supplyListingId: supply.id,
        })
      ).body.code,
    ).toBe('market/pair_exists');
    const intent = await call(planner, 'POST', `/api/techmarket/event-pairs/${pair.body.id}/intention`, {
      version: pair.body.version,
      signedOn: `${year}-06-01`,
      amountFen: 30_000_000,
    });
    expect(intent.body.status).toBe('intention');

    // the institute registers as a seller and its contract is registered at the 衡阳 point
    await call(admin, 'POST', '/api/techmarket/points', {
      name: '衡阳技术合同登记点',
      orgId: await orgId('衡阳市科学技术局'),
      regions: ['430400'],
    });
    // (a demo that registered 南华大学 already answers seller_exists)
    expect([200, 409]).toContain((await call(institute, 'POST', '/api/techmarket/sellers', { kind: 'university' })).status);
    const c = await call(institute, 'POST', '/api/techmarket/contracts', {
      name: '拉曼光谱检测设备技术开发合同',
      subject: 'commissioned_development',
      buyerName: '衡阳衡山科学仪器有限公司',
      buyerRegionCode: '430408',
      contractAmountFen: 80_000_000,
      techField: '先进制造',
      ipType: '技术秘密',
      socioGoal: '工业发展',
      signedOn: `${year}-06-20`,
    });
    const cid = c.body.id as number;
    // a draft contract cannot be linked yet
    expect(
      (
        await call(planner, 'POST', `/api/techmarket/event-pairs/${pair.body.id}/contract`, {
          version: intent.body.version,
          contractId: cid,
        })
      ).body.code,
    ).toBe('market/contract_not_registrable_link');
    await institute.request({
      method: 'POST',
      url: `/api/techmarket/contracts/${cid}/files?filename=c.pdf`,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    const sub = await call(institute, 'POST', `/api/techmarket/contracts/${cid}/submit`, { version: c.body.version });
    const linked = await call(planner, 'POST', `/api/techmarket/event-pairs/${pair.body.id}/contract`, {
      version: intent.body.version,
      contractId: cid,
    });
    expect(linked.body).toMatchObject({ status: 'contracted', contractId: cid, contractAmountFen: null });
    // not registered yet: no contract in the funnel
    const ofEvent = (r: { body: Body }) =>
      (r.body.events as Array<{ eventId: number; funnel: Body }>).find((e) => e.eventId === ev.body.id)?.funnel;
    let f = await call(planner, 'GET', `/api/techmarket/funnel?year=${year}`);
    const totalBefore = f.body.total as Body;
    expect(ofEvent(f)).toEqual({ demands: 1, introductions: 1, intentions: 1, contracts: 0, contractAmountFen: 0 });
    const acc = await call(planner, 'POST', `/api/techmarket/contracts/${cid}/accept`, { version: sub.body.version });
    const reg = await call(planner, 'POST', `/api/techmarket/contracts/${cid}/register`, {
      version: acc.body.version,
      subject: 'commissioned_development',
    });
    expect(reg.body.status).toBe('registered');
    f = await call(viewer, 'GET', `/api/techmarket/funnel?year=${year}&region=430400`);
    expect(ofEvent(f)).toEqual({ demands: 1, introductions: 1, intentions: 1, contracts: 1, contractAmountFen: 80_000_000 });
    expect(f.body.total).toMatchObject({
      introductions: totalBefore.introductions,
      intentions: totalBefore.intentions,
      contracts: (totalBefore.contracts as number) + 1,
      contractAmountFen: (totalBefore.contractAmountFen as number) + 80_000_000,
    });
    expect((f.body.total as Body).demands).toBeGreaterThanOrEqual(2);
    const detail = await call(planner, 'GET', `/api/techmarket/events/${ev.body.id}`);
    expect((detail.body.pairs as Body[])[0]).toMatchObject({
      contractRegistrationNo: reg.body.registrationNo,
      contractAmountFen: 80_000_000,
    });
    // another unit's funnel is out of scope
    expect((await call(planner, 'GET', `/api/techmarket/funnel?year=${year}&region=420100`)).status).toBe(403);
  });
});

describe('技术转移机构与技术经理人', () => {
  it('keeps agencies and brokers with training and certificates, credits brokered contracts and reports yearly figures', async () => {
    const org = await t.database.db
      .insertInto('organization')
      .values({ name: '衡阳技术转移中心', kind: 'agency', region_code: '430408' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = await call(planner, 'POST', '/api/techmarket/agencies', { orgId: org.id, level: 'provincial', recognisedOn: '2024-03-01' });
    expect(a.body).toMatchObject({ name: '衡阳技术转移中心', level: 'provincial', brokers: 0 });
    expect((await call(planner, 'POST', '/api/techmarket/agencies', { orgId: org.id })).body.code).toBe('market/agency_exists');
    const b = await call(planner, 'POST', '/api/techmarket/brokers', {
      person: { name: '周经理', idNumber: `${'430408199001011234'.slice(0, 17)}X` },
      agencyId: a.body.id,
      regionCode: '430408',
    });
    expect([200, 400]).toContain(b.status);
    const broker =
      b.status === 200
        ? b
        : await call(planner, 'POST', '/api/techmarket/brokers', { person: { name: '周经理' }, agencyId: a.body.id, regionCode: '430408' });
    expect(broker.body).toMatchObject({ agencyName: '衡阳技术转移中心', contracts: 0 });
    const tr = await call(planner, 'POST', `/api/techmarket/brokers/${broker.body.id}/trainings`, {
      course: '技术经理人初级培训',
      provider: '湖南省技术转移人才培训基地',
      hours: 48,
      completedOn: `${year}-04-10`,
    });
    expect((tr.body.trainings as Body[]).length).toBe(1);
    const cert = await call(planner, 'POST', `/api/techmarket/brokers/${broker.body.id}/certificates`, {
      certificateNo: 'JSJL-2026-0001',
      level: 'junior',
      issuedBy: '中国科学技术交流中心',
      issuedOn: `${year}-04-20`,
    });
    expect((cert.body.certificates as Body[]).length).toBe(1);
    expect(
      (
        await call(planner, 'POST', `/api/techmarket/brokers/${broker.body.id}/certificates`, {
          certificateNo: 'JSJL-2026-0001',
          level: 'junior',
          issuedBy: 'x机构',
          issuedOn: `${year}-04-20`,
        })
      ).body.code,
    ).toBe('market/certificate_exists');

    const cid = (
      await t.database.db
        .selectFrom('tech_contract')
        .select('id')
        .where('name', '=', '拉曼光谱检测设备技术开发合同')
        .executeTakeFirstOrThrow()
    ).id;
    // the seller can no longer credit a registered contract; the registrar can; a stranger cannot
    expect((await call(institute, 'PUT', `/api/techmarket/contracts/${cid}/broker`, { brokerId: broker.body.id })).status).toBe(403);
    expect((await call(company, 'PUT', `/api/techmarket/contracts/${cid}/broker`, { brokerId: broker.body.id })).status).toBe(403);
    expect((await call(planner, 'PUT', `/api/techmarket/contracts/${cid}/broker`, {})).body.code).toBe('market/broker_required');
    const cr = await call(planner, 'PUT', `/api/techmarket/contracts/${cid}/broker`, { brokerId: broker.body.id, feeFen: 1_000_000 });
    expect(cr.body).toMatchObject({ agencyId: a.body.id, brokerName: '周经理', feeFen: 1_000_000 });
    const fig = await call(viewer, 'GET', `/api/techmarket/agency-figures?year=${year}&region=430400`);
    expect(fig.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: '衡阳技术转移中心',
          brokers: 1,
          trainedBrokers: 1,
          certifiedBrokers: 1,
          contracts: 1,
          contractAmountFen: 80_000_000,
          feeFen: 1_000_000,
        }),
      ]),
    );
    expect((await call(planner, 'GET', `/api/techmarket/brokers/${broker.body.id}`)).body.contracts).toBe(1);
    const none = await call(viewer, 'GET', `/api/techmarket/agency-figures?year=${year - 1}&region=430400`);
    expect((none.body.rows as Body[]).find((r) => r.name === '衡阳技术转移中心')).toMatchObject({ contracts: 0, trainedBrokers: 0 });
  });
});

describe('rule packs and statistics', () => {
  it('switches the 2024 draft on for the bureau’s region only; a default pack is not switchable', async () => {
    const list = await call(planner, 'GET', '/api/techmarket/rule-packs');
    expect((list.body as unknown as Array<Record<string, unknown>>).find((p) => p.id === 'techcontract-draft-2024')).toMatchObject({
      enabled: false,
      enabledByDefault: false,
    });
    expect((await call(planner, 'PUT', '/api/techmarket/rule-packs/techcontract-draft-2024', { enabled: true })).status).toBe(403);
    expect((await call(admin, 'PUT', '/api/techmarket/rule-packs/techcontract-2021', { enabled: false })).body.code).toBe(
      'market/pack_not_switchable',
    );
    expect(
      (await call(admin, 'PUT', '/api/techmarket/rule-packs/techcontract-draft-2024', { enabled: true, region: '420100' })).status,
    ).toBe(403);
    const on = await call(admin, 'PUT', '/api/techmarket/rule-packs/techcontract-draft-2024', { enabled: true });
    expect((on.body as unknown as Array<Record<string, unknown>>).find((p) => p.id === 'techcontract-draft-2024')).toMatchObject({
      enabled: true,
      switchedBy: '430400',
    });
    const county = await call(planner, 'GET', '/api/techmarket/rule-packs?region=430408');
    expect((county.body as unknown as Array<Record<string, unknown>>).find((p) => p.id === 'techcontract-draft-2024')?.enabled).toBe(true);
  });

  it('counts registered contracts by region × type × month for the bureau only', async () => {
    const cube = await call(planner, 'GET', `/api/techmarket/stats/cube?year=${year}`);
    expect(cube.status).toBe(200);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(cube.body.rows).toEqual(
      expect.arrayContaining([
        { regionCode: '430407', type: 'development', month, count: 1, contractAmountFen: 80_000_000, technicalAmountFen: 80_000_000 },
      ]),
    );
    const absorbed = await call(planner, 'GET', `/api/techmarket/stats/cube?year=${year}&direction=absorption`);
    expect(absorbed.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ regionCode: '430408', type: 'development', month, contractAmountFen: 80_000_000 }),
      ]),
    );
    // the province reads its cities, a county its own row
    const province = await call(viewer, 'GET', `/api/techmarket/stats/cube?year=${year}&region=430000`);
    expect(province.body.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ regionCode: '430400', type: 'development', month })]),
    );
    expect((province.body.rows as Body[]).every((r) => String(r.regionCode).endsWith('00'))).toBe(true);
    const county = await call(planner, 'GET', `/api/techmarket/stats/cube?year=${year}&region=430407`);
    expect((county.body.rows as Body[]).every((r) => r.regionCode === '430407')).toBe(true);
    expect((county.body.rows as Body[]).length).toBeGreaterThan(0);
    expect((await call(company, 'GET', `/api/techmarket/stats/cube?year=${year}`)).status).toBe(403);
  });
});
