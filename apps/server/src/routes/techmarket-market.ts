import {
  ZAchievement,
  ZAchievementInput,
  ZAchievementListQuery,
  ZAchievementPage,
  ZAgency,
  ZAgencyFigures,
  ZAgencyFiguresQuery,
  ZAgencyInput,
  ZBroker,
  ZBrokerCertificateInput,
  ZBrokerInput,
  ZBrokerListQuery,
  ZBrokerPage,
  ZBrokerTrainingInput,
  ZContractBroker,
  ZContractBrokerInput,
  ZIdParams,
  ZListing,
  ZListingInput,
  ZListingListQuery,
  ZListingPage,
  ZMarketEvent,
  ZMarketEventDetail,
  ZMarketEventInput,
  ZMarketEventListQuery,
  ZMarketEventPage,
  ZMarketFunnelQuery,
  ZMarketFunnelReport,
  ZMarketIntentionInput,
  ZMarketMatches,
  ZMarketMatchQuery,
  ZMarketPair,
  ZMarketPairContractInput,
  ZMarketPairInput,
  ZMarketParticipant,
  ZMarketParticipantInput,
  ZMarketReturn,
  ZMarketVersioned,
  ZPublicListing,
  ZPublicSearchPage,
  ZPublicSearchQuery,
  ZRegionCode,
  ZRulePackParams,
  ZRulePackSwitch,
  ZRulePackSwitchInput,
  ZStatsCube,
  ZStatsCubeQuery,
} from '@kechuang/contracts';
import type { Ctx } from '@kechuang/core';
import {
  addBrokerCertificate,
  addBrokerTraining,
  addEventParticipant,
  agencyFigures,
  contractStatsCube,
  createAchievement,
  createAgency,
  createListing,
  createMarketEvent,
  dropPair,
  getAchievement,
  getBroker,
  getListing,
  getMarketEvent,
  getPublicListing,
  introducePair,
  linkPairContract,
  listAchievements,
  listAgencies,
  listBrokers,
  listListings,
  listMarketEvents,
  listPackSwitches,
  marketFunnel,
  matchListing,
  publishListing,
  registerAchievement,
  registerBroker,
  returnAchievement,
  returnListing,
  searchPublicListings,
  setContractBroker,
  signIntention,
  submitAchievement,
  submitListing,
  switchPack,
  updateAchievement,
  updateListing,
  updateMarketEvent,
  withdrawListing,
} from '@kechuang/core';
import { z } from 'zod';
import type { Routes } from './types.ts';

const tags = ['techmarket'];
const versioned = z.number().int().positive();
type App = Parameters<Routes>[0];

/**
 * A status step of a 科技成果 or 清单条目: POST …/:id/<step> with the version the user saw, answering the record
 * after the step. A return (退回) also carries the note of what to change. (The caller's types check the core step
 * against the response schema; inside, the schema is taken as any.)
 */
function stepRoute<T>(
  app: App,
  path: string,
  summary: string,
  response: z.ZodType<T>,
  run: (ctx: Ctx, id: number, version: number) => Promise<T>,
) {
  app.post(
    path,
    { schema: { tags, summary, params: ZIdParams, body: ZMarketVersioned, response: { 200: response as z.ZodType } } },
    async (request) => run(request.ctx, request.params.id, request.body.version),
  );
}
function returnRoute<T>(
  app: App,
  path: string,
  summary: string,
  response: z.ZodType<T>,
  run: (ctx: Ctx, id: number, version: number, note: string) => Promise<T>,
) {
  app.post(
    path,
    { schema: { tags, summary, params: ZIdParams, body: ZMarketReturn, response: { 200: response as z.ZodType } } },
    async (request) => run(request.ctx, request.params.id, request.body.version, request.body.note),
  );
}

/** 科技成果、四张清单与供需对接. */
export const techmarketMarketRoutes: Routes = async (app) => {
  // ── public: the four lists, searched without signing in ──
  app.get(
    '/public/market/listings',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          '四张清单公开检索（无需登录）：q 按结巴分词匹配（命中半数以上词），字母按标题拼音首字母匹配；kind、field（技术领域）、region（含下级）筛选；分页',
        querystring: ZPublicSearchQuery,
        response: { 200: ZPublicSearchPage },
      },
    },
    async (request) => searchPublicListings(request.ctx, request.query),
  );
  app.get(
    '/public/market/listings/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '已发布清单条目详情（公开，无需登录；未发布的返回 404）',
        params: ZIdParams,
        response: { 200: ZPublicListing },
      },
    },
    async (request) => getPublicListing(request.ctx, request.params.id),
  );

  // ── 科技成果登记 ──
  app.get(
    '/techmarket/achievements',
    {
      schema: {
        tags,
        summary: '科技成果（单位：本单位的；科技局与查看者：本地区已提交的及本局代录的草稿）',
        querystring: ZAchievementListQuery,
        response: { 200: ZAchievementPage },
      },
    },
    async (request) => listAchievements(request.ctx, request.query),
  );
  app.post(
    '/techmarket/achievements',
    {
      schema: {
        tags,
        summary: '新建科技成果（草稿；科技局可为本地区单位代录，ownerOrgId；projectId 须为该单位承担的项目）',
        body: ZAchievementInput,
        response: { 200: ZAchievement },
      },
    },
    async (request) => createAchievement(request.ctx, request.body),
  );
  app.get(
    '/techmarket/achievements/:id',
    { schema: { tags, summary: '科技成果详情', params: ZIdParams, response: { 200: ZAchievement } } },
    async (request) => getAchievement(request.ctx, request.params.id),
  );
  app.put(
    '/techmarket/achievements/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或退回的科技成果（version 不符返回 409）',
        params: ZIdParams,
        body: ZAchievementInput.extend({ version: versioned }),
        response: { 200: ZAchievement },
      },
    },
    async (request) => updateAchievement(request.ctx, request.params.id, request.body),
  );
  stepRoute(app, '/techmarket/achievements/:id/submit', '提交科技成果登记', ZAchievement, submitAchievement);
  stepRoute(
    app,
    '/techmarket/achievements/:id/register',
    '科技局登记科技成果：给登记号，本地区“登记科技成果数”随之更新',
    ZAchievement,
    registerAchievement,
  );
  returnRoute(app, '/techmarket/achievements/:id/return', '退回科技成果（附修改意见）', ZAchievement, returnAchievement);

  // ── 四张清单 ──
  app.get(
    '/techmarket/listings',
    {
      schema: {
        tags,
        summary: '清单条目（单位：本单位的各状态条目；科技局与查看者：本地区已提交的及本局代录的草稿）',
        querystring: ZListingListQuery,
        response: { 200: ZListingPage },
      },
    },
    async (request) => listListings(request.ctx, request.query),
  );
  app.post(
    '/techmarket/listings',
    {
      schema: {
        tags,
        summary: '新建清单条目（成果清单/共性技术需求/技术需求/融资需求；企业、高校院所或科技局填报；草稿）',
        body: ZListingInput,
        response: { 200: ZListing },
      },
    },
    async (request) => createListing(request.ctx, request.body),
  );
  app.get(
    '/techmarket/listings/:id',
    {
      schema: {
        tags,
        summary: '清单条目详情（已发布的任何登录用户可看；未发布的仅所有者与本地区科技局）',
        params: ZIdParams,
        response: { 200: ZListing },
      },
    },
    async (request) => getListing(request.ctx, request.params.id),
  );
  app.put(
    '/techmarket/listings/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或退回的清单条目（version 不符返回 409）',
        params: ZIdParams,
        body: ZListingInput.extend({ version: versioned }),
        response: { 200: ZListing },
      },
    },
    async (request) => updateListing(request.ctx, request.params.id, request.body),
  );
  stepRoute(app, '/techmarket/listings/:id/submit', '提交清单条目审核', ZListing, submitListing);
  stepRoute(app, '/techmarket/listings/:id/publish', '科技局审核通过并发布（公开检索与匹配随即可见）', ZListing, publishListing);
  returnRoute(app, '/techmarket/listings/:id/return', '退回清单条目（附修改意见）', ZListing, returnListing);
  stepRoute(app, '/techmarket/listings/:id/withdraw', '撤下清单条目（所有者或科技局）', ZListing, withdrawListing);
  app.get(
    '/techmarket/listings/:id/matches',
    {
      schema: {
        tags,
        summary:
          '供需匹配：需求 → 已发布成果与专家，成果 → 已发布需求；按 BM25（结巴分词）× 技术领域 × 地域排序，附理由（共同关键词、同一领域、地域远近）',
        params: ZIdParams,
        querystring: ZMarketMatchQuery,
        response: { 200: ZMarketMatches },
      },
    },
    async (request) => matchListing(request.ctx, request.params.id, request.query.limit),
  );

  // ── 对接会 ──
  app.get(
    '/techmarket/events',
    {
      schema: {
        tags,
        summary: '对接会（本地区；各场的漏斗：需求→对接→意向→合同→成交额）',
        querystring: ZMarketEventListQuery,
        response: { 200: ZMarketEventPage },
      },
    },
    async (request) => listMarketEvents(request.ctx, request.query),
  );
  app.post(
    '/techmarket/events',
    { schema: { tags, summary: '新建对接会（科技局）', body: ZMarketEventInput, response: { 200: ZMarketEvent } } },
    async (request) => createMarketEvent(request.ctx, request.body),
  );
  app.get(
    '/techmarket/events/:id',
    { schema: { tags, summary: '对接会详情：参会单位、对接记录及其跟踪', params: ZIdParams, response: { 200: ZMarketEventDetail } } },
    async (request) => getMarketEvent(request.ctx, request.params.id),
  );
  app.put(
    '/techmarket/events/:id',
    {
      schema: {
        tags,
        summary: '修改对接会（version 不符返回 409）',
        params: ZIdParams,
        body: ZMarketEventInput.extend({ version: versioned }),
        response: { 200: ZMarketEvent },
      },
    },
    async (request) => updateMarketEvent(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/events/:id/participants',
    {
      schema: {
        tags,
        summary: '登记参会单位（系统内单位 orgId 或名称）',
        params: ZIdParams,
        body: ZMarketParticipantInput,
        response: { 200: ZMarketParticipant },
      },
    },
    async (request) => addEventParticipant(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/events/:id/pairs',
    {
      schema: {
        tags,
        summary: '对接：一项已发布需求与供给方（已发布成果条目的所有者，或指明的单位）',
        params: ZIdParams,
        body: ZMarketPairInput,
        response: { 200: ZMarketPair },
      },
    },
    async (request) => introducePair(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/event-pairs/:id/intention',
    {
      schema: {
        tags,
        summary: '签订意向（日期、意向金额）',
        params: ZIdParams,
        body: ZMarketIntentionInput,
        response: { 200: ZMarketPair },
      },
    },
    async (request) => signIntention(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/event-pairs/:id/contract',
    {
      schema: {
        tags,
        summary: '关联对接促成的技术合同（卖方须为供给方；合同登记后计入漏斗的合同数与成交额）',
        params: ZIdParams,
        body: ZMarketPairContractInput,
        response: { 200: ZMarketPair },
      },
    },
    async (request) => linkPairContract(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/event-pairs/:id/drop',
    {
      schema: {
        tags,
        summary: '对接未成（保留记录，仍计入对接数）',
        params: ZIdParams,
        body: ZMarketVersioned,
        response: { 200: ZMarketPair },
      },
    },
    async (request) => dropPair(request.ctx, request.params.id, request.body.version),
  );
  app.get(
    '/techmarket/funnel',
    {
      schema: {
        tags,
        summary: '供需对接漏斗（年度与各场对接会）：发布需求 → 对接 → 意向 → 登记合同 → 成交额',
        querystring: ZMarketFunnelQuery,
        response: { 200: ZMarketFunnelReport },
      },
    },
    async (request) => marketFunnel(request.ctx, request.query),
  );

  // ── 技术转移机构与技术经理人 ──
  app.get(
    '/techmarket/agencies',
    {
      schema: {
        tags,
        summary: '技术转移机构（本地区）',
        querystring: z.strictObject({ region: ZRegionCode.optional() }),
        response: { 200: z.array(ZAgency) },
      },
    },
    async (request) => listAgencies(request.ctx, request.query.region),
  );
  app.post(
    '/techmarket/agencies',
    { schema: { tags, summary: '登记技术转移机构（本地区单位）', body: ZAgencyInput, response: { 200: ZAgency } } },
    async (request) => createAgency(request.ctx, request.body),
  );
  app.get(
    '/techmarket/agency-figures',
    {
      schema: {
        tags,
        summary: '技术转移机构年度数据：技术经理人、培训与持证人数，促成登记合同数与金额',
        querystring: ZAgencyFiguresQuery,
        response: { 200: ZAgencyFigures },
      },
    },
    async (request) => agencyFigures(request.ctx, request.query),
  );
  app.get(
    '/techmarket/brokers',
    { schema: { tags, summary: '技术经理人（本地区）', querystring: ZBrokerListQuery, response: { 200: ZBrokerPage } } },
    async (request) => listBrokers(request.ctx, request.query),
  );
  app.post(
    '/techmarket/brokers',
    { schema: { tags, summary: '登记技术经理人（人员记录按身份证号识别同一人）', body: ZBrokerInput, response: { 200: ZBroker } } },
    async (request) => registerBroker(request.ctx, request.body),
  );
  app.get(
    '/techmarket/brokers/:id',
    { schema: { tags, summary: '技术经理人详情（培训、证书、促成合同数）', params: ZIdParams, response: { 200: ZBroker } } },
    async (request) => getBroker(request.ctx, request.params.id),
  );
  app.post(
    '/techmarket/brokers/:id/trainings',
    { schema: { tags, summary: '记录技术经理人培训', params: ZIdParams, body: ZBrokerTrainingInput, response: { 200: ZBroker } } },
    async (request) => addBrokerTraining(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/brokers/:id/certificates',
    { schema: { tags, summary: '记录技术经理人证书', params: ZIdParams, body: ZBrokerCertificateInput, response: { 200: ZBroker } } },
    async (request) => addBrokerCertificate(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/techmarket/contracts/:id/broker',
    {
      schema: {
        tags,
        summary: '技术中介：合同的促成机构与技术经理人（卖方在草稿/补正时，登记机构在不予登记前）',
        params: ZIdParams,
        body: ZContractBrokerInput,
        response: { 200: ZContractBroker },
      },
    },
    async (request) => setContractBroker(request.ctx, request.params.id, request.body),
  );

  // ── 认定规则包开关与统计 ──
  app.get(
    '/techmarket/rule-packs',
    {
      schema: {
        tags,
        summary: '认定规则包及其在本地区是否施行（2024 征求意见稿默认关闭）',
        querystring: z.strictObject({ region: ZRegionCode.optional() }),
        response: { 200: z.array(ZRulePackSwitch) },
      },
    },
    async (request) => listPackSwitches(request.ctx, request.query.region),
  );
  app.put(
    '/techmarket/rule-packs/:packId',
    {
      schema: {
        tags,
        summary: '管理员为本地区（含下级）开启或关闭默认关闭的规则包',
        params: ZRulePackParams,
        body: ZRulePackSwitchInput,
        response: { 200: z.array(ZRulePackSwitch) },
      },
    },
    async (request) => switchPack(request.ctx, request.params.packId, request.body),
  );
  app.get(
    '/techmarket/stats/cube',
    {
      schema: {
        tags,
        summary: '技术合同统计交叉表：地区 × 合同类别 × 月份（输出按卖方、吸纳按买方地区）',
        querystring: ZStatsCubeQuery,
        response: { 200: ZStatsCube },
      },
    },
    async (request) => contractStatsCube(request.ctx, request.query),
  );
};
