import {
  ZAssessment,
  ZAwardInput,
  ZCommissioner,
  ZCommissionerCounts,
  ZCommissionerInput,
  ZCommissionerPage,
  ZCommissionerQuery,
  ZCommissionerUpdate,
  ZConfirmToken,
  ZIdParams,
  ZMyCommission,
  ZRegionCode,
  ZRoundDecision,
  ZRoundInput,
  ZRoundNomination,
  ZServiceConfirmation,
  ZServiceConfirmView,
  ZServiceLog,
  ZServiceLogInput,
  ZServiceLogPage,
  ZServiceLogQuery,
  ZServiceTargetPage,
  ZServiceTargetQuery,
  ZServiceTargetRow,
  ZTalent,
  ZTalentInput,
  ZTalentPage,
  ZTalentProgramme,
  ZTalentProgrammeInput,
  ZTalentQuery,
  ZTargetInput,
  ZTeam,
  ZTeamInput,
  ZVersionBody,
} from '@kechuang/contracts';
import {
  addAward,
  addTarget,
  answerServiceConfirmation,
  assessCommissioner,
  commissionerCounts,
  createCommissioner,
  createRound,
  createTalent,
  createTalentProgramme,
  createTeam,
  decideRound,
  deleteTarget,
  exportTalentsXlsx,
  exportTargetsXlsx,
  listCommissioners,
  listServiceLogs,
  listTalentProgrammes,
  listTalents,
  listTargets,
  listTeams,
  logService,
  myCommission,
  nominate,
  updateCommissioner,
  updateTarget,
  uploadServicePhoto,
  viewServiceConfirmation,
  withdrawCommissioner,
  withdrawNomination,
} from '@kechuang/core';
import { z } from 'zod';

const ZNomineeParams = z.strictObject({ id: ZIdParams.shape.id, talentId: ZIdParams.shape.id });

import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['talent'];
const photoLimit = 10 * 1024 * 1024 + 1024;

/** 科技人才与科技特派员: the registry, programmes and rounds, 特派员 with their 服务对象, logs and counts. */
export const talentRoutes: Routes = async (app) => {
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: photoLimit },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/talent/people',
    {
      schema: {
        tags,
        summary: '科技人才库（身份信息仅对局业务人员显示末四位）',
        querystring: ZTalentQuery,
        response: { 200: ZTalentPage },
      },
    },
    async (request) => listTalents(request.ctx, request.query),
  );
  app.get(
    '/talent/people/export',
    { schema: { tags, summary: '导出科技人才库（.xlsx，不含身份信息）', querystring: ZTalentQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportTalentsXlsx(request.ctx, request.query),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        asciiName: 'talents.xlsx',
        name: '科技人才库.xlsx',
      }),
  );
  app.post(
    '/talent/people',
    { schema: { tags, summary: '登记人才（同一身份证号即同一人）', body: ZTalentInput, response: { 200: ZTalent } } },
    async (request) => createTalent(request.ctx, request.body),
  );
  app.post(
    '/talent/people/:id/awards',
    { schema: { tags, summary: '登记获奖', params: ZIdParams, body: ZAwardInput, response: { 200: ZTalent } } },
    async (request) => addAward(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/talent/programmes',
    {
      schema: {
        tags,
        summary: '人才计划及遴选批次',
        querystring: z.object({ region: ZRegionCode.optional() }),
        response: { 200: z.array(ZTalentProgramme) },
      },
    },
    async (request) => listTalentProgrammes(request.ctx, request.query.region),
  );
  app.post(
    '/talent/programmes',
    { schema: { tags, summary: '新建人才计划', body: ZTalentProgrammeInput, response: { 200: ZTalentProgramme } } },
    async (request) => createTalentProgramme(request.ctx, request.body),
  );
  app.post(
    '/talent/programmes/:id/rounds',
    { schema: { tags, summary: '新建遴选批次', params: ZIdParams, body: ZRoundInput, response: { 200: ZTalentProgramme } } },
    async (request) => createRound(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/talent/rounds/:id/nominations',
    {
      schema: {
        tags,
        summary: '推荐人选（科研诚信受限者不得参加）',
        params: ZIdParams,
        body: ZRoundNomination,
        response: { 200: ZTalentProgramme },
      },
    },
    async (request) => nominate(request.ctx, request.params.id, request.body.talentId),
  );
  app.post(
    '/talent/rounds/:id/decide',
    {
      schema: { tags, summary: '确定入选名单（不超过名额）', params: ZIdParams, body: ZRoundDecision, response: { 200: ZTalentProgramme } },
    },
    async (request) => decideRound(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/talent/rounds/:id/nominations/:talentId',
    { schema: { tags, summary: '撤回推荐（批次确定前）', params: ZNomineeParams, response: { 200: ZTalentProgramme } } },
    async (request) => withdrawNomination(request.ctx, request.params.id, request.params.talentId),
  );

  app.get(
    '/talent/teams',
    {
      schema: {
        tags,
        summary: '专家服务团',
        querystring: z.object({ region: ZRegionCode.optional(), year: z.coerce.number().int().optional() }),
        response: { 200: z.array(ZTeam) },
      },
    },
    async (request) => listTeams(request.ctx, request.query),
  );
  app.post('/talent/teams', { schema: { tags, summary: '组建专家服务团', body: ZTeamInput, response: { 200: ZTeam } } }, async (request) =>
    createTeam(request.ctx, request.body),
  );
  app.get(
    '/talent/commissioners',
    { schema: { tags, summary: '科技特派员', querystring: ZCommissionerQuery, response: { 200: ZCommissionerPage } } },
    async (request) => listCommissioners(request.ctx, request.query),
  );
  app.post(
    '/talent/commissioners',
    { schema: { tags, summary: '选派科技特派员', body: ZCommissionerInput, response: { 200: ZCommissioner } } },
    async (request) => createCommissioner(request.ctx, request.body),
  );
  app.put(
    '/talent/commissioners/:id',
    {
      schema: {
        tags,
        summary: '调整选派（服务团、登录账号）',
        params: ZIdParams,
        body: ZCommissionerUpdate,
        response: { 200: ZCommissioner },
      },
    },
    async (request) => updateCommissioner(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/talent/commissioners/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤销选派（尚无服务记录时）',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (request) => withdrawCommissioner(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/talent/targets',
    { schema: { tags, summary: '服务对象（村、合作社、企业）', querystring: ZServiceTargetQuery, response: { 200: ZServiceTargetPage } } },
    async (request) => listTargets(request.ctx, request.query),
  );
  app.get(
    '/talent/targets/export',
    { schema: { tags, summary: '导出服务对象（.xlsx）', querystring: ZServiceTargetQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportTargetsXlsx(request.ctx, request.query),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        asciiName: 'service-targets.xlsx',
        name: '科技特派员服务对象.xlsx',
      }),
  );
  app.put(
    '/talent/targets/:id',
    {
      schema: {
        tags,
        summary: '修改服务对象（局或特派员本人）',
        params: ZIdParams,
        body: ZTargetInput,
        response: { 200: ZServiceTargetRow },
      },
    },
    async (request) => updateTarget(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/talent/targets/:id',
    {
      schema: {
        tags,
        summary: '删除服务对象（尚无服务记录时）',
        params: ZIdParams,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (request) => deleteTarget(request.ctx, request.params.id),
  );
  app.post(
    '/talent/commissioners/:id/targets',
    {
      schema: { tags, summary: '添加服务对象（局或特派员本人）', params: ZIdParams, body: ZTargetInput, response: { 200: ZCommissioner } },
    },
    async (request) => addTarget(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/talent/commissioners/:id/assess',
    { schema: { tags, summary: '年度考核', params: ZIdParams, body: ZAssessment, response: { 200: ZCommissioner } } },
    async (request) => assessCommissioner(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/talent/commissioner-counts',
    {
      schema: {
        tags,
        summary: '特派员人数、服务次数、覆盖村数（按地区）',
        querystring: z.object({ region: ZRegionCode.optional(), year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: ZCommissionerCounts },
      },
    },
    async (request) => commissionerCounts(request.ctx, request.query),
  );

  app.get(
    '/talent/my-commission',
    { schema: { tags, summary: '我的特派员记录与服务日志（非特派员为 null）', response: { 200: ZMyCommission } } },
    async (request) => myCommission(request.ctx),
  );
  app.get(
    '/talent/service-logs',
    { schema: { tags, summary: '服务日志', querystring: ZServiceLogQuery, response: { 200: ZServiceLogPage } } },
    async (request) => listServiceLogs(request.ctx, request.query),
  );
  app.post(
    '/talent/service-logs',
    { schema: { tags, summary: '特派员记录一次服务', body: ZServiceLogInput, response: { 200: ZServiceLog } } },
    async (request) => logService(request.ctx, request.body),
  );
  app.post(
    '/talent/service-logs/:id/photos',
    {
      bodyLimit: photoLimit,
      schema: {
        tags,
        summary: '上传服务照片（原始字节，?filename=；JPG/PNG，10 MB 以内）',
        params: ZIdParams,
        querystring: z.strictObject({ filename: z.string().trim().min(1).max(200) }),
        response: { 200: ZServiceLog },
      },
    },
    async (request) => {
      const body = request.body;
      return uploadServicePhoto(request.ctx, request.params.id, {
        filename: request.query.filename,
        bytes: Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array(),
      });
    },
  );
  app.get(
    '/public/service-confirmations/:token',
    {
      config: { public: true },
      schema: { tags, summary: '服务对象凭确认链接查看服务摘要（公开）', params: ZConfirmToken, response: { 200: ZServiceConfirmView } },
    },
    async (request) => viewServiceConfirmation(request.ctx, request.params.token),
  );
  app.post(
    '/public/service-confirmations/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '服务对象确认或提出异议（公开，仅一次）',
        params: ZConfirmToken,
        body: ZServiceConfirmation,
        response: { 200: ZServiceConfirmView },
      },
    },
    async (request) => answerServiceConfirmation(request.ctx, request.params.token, request.body),
  );
};
