import {
  ZIdParams,
  ZPlatformApplication,
  ZPlatformApplicationInput,
  ZPlatformApplicationQuery,
  ZPlatformCall,
  ZPlatformCallInput,
  ZPlatformDetail,
  ZPlatformEvaluation,
  ZPlatformEvaluationConfirm,
  ZPlatformEvaluationDetail,
  ZPlatformEvaluationInput,
  ZPlatformEventInput,
  ZPlatformInput,
  ZPlatformListQuery,
  ZPlatformPage,
  ZPlatformPublicityInput,
  ZPlatformRecogniseInput,
  ZPlatformReportInput,
  ZPlatformReportParams,
  ZPlatformReviewInput,
  ZPlatformStats,
  ZPlatformStatsQuery,
  ZPlatformType,
  ZPublicPlatformPage,
  ZPublicPlatformQuery,
} from '@kechuang/contracts';
import {
  changePlatformStatus,
  confirmPlatformEvaluation,
  createPlatformApplication,
  createPlatformCall,
  exportPlatformsXlsx,
  getPlatform,
  getPlatformEvaluation,
  listPlatformApplications,
  listPlatformCalls,
  listPlatformEvaluations,
  listPlatforms,
  listPlatformTypes,
  listPublicPlatforms,
  platformStats,
  publishPlatformCall,
  recognisePlatformCall,
  registerPlatform,
  reviewPlatformApplication,
  runPlatformEvaluation,
  savePlatformReport,
  startPlatformPublicity,
  submitPlatformApplication,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['platform'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 创新平台: the registry, the city 认定 round, yearly reports, 绩效评价, statistics and the published list. */
export const platformRoutes: Routes = async (app) => {
  app.get(
    '/platform-types',
    { schema: { tags, summary: '创新平台类型目录（现行版本）', response: { 200: z.array(ZPlatformType) } } },
    async (request) => listPlatformTypes(request.ctx),
  );

  app.get(
    '/platforms',
    {
      schema: {
        tags,
        summary: '创新平台名录（局：本辖区；依托单位：本单位）',
        querystring: ZPlatformListQuery,
        response: { 200: ZPlatformPage },
      },
    },
    async (request) => listPlatforms(request.ctx, request.query),
  );
  app.get(
    '/platforms/export',
    {
      schema: {
        tags,
        summary: '导出创新平台名录（.xlsx）',
        querystring: ZPlatformListQuery.omit({ page: true, pageSize: true }),
        produces: [xlsx],
      },
    },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportPlatformsXlsx(request.ctx, request.query),
        type: xlsx,
        asciiName: 'platforms.xlsx',
        name: '创新平台名录.xlsx',
      }),
  );
  app.post(
    '/platforms',
    {
      schema: { tags, summary: '登记已认定的创新平台（国家级、省级或历史认定）', body: ZPlatformInput, response: { 200: ZPlatformDetail } },
    },
    async (request) => registerPlatform(request.ctx, request.body),
  );
  app.get(
    '/platforms/:id',
    { schema: { tags, summary: '创新平台详情（状态历史、年度报告、绩效评价）', params: ZIdParams, response: { 200: ZPlatformDetail } } },
    async (request) => getPlatform(request.ctx, request.params.id),
  );
  app.post(
    '/platforms/:id/events',
    { schema: { tags, summary: '升级、降级或摘牌', params: ZIdParams, body: ZPlatformEventInput, response: { 200: ZPlatformDetail } } },
    async (request) => changePlatformStatus(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/platforms/:id/reports/:year',
    {
      schema: {
        tags,
        summary: '年度报告（依托单位填报、提交）',
        params: ZPlatformReportParams,
        body: ZPlatformReportInput,
        response: { 200: ZPlatformDetail },
      },
    },
    async (request) => savePlatformReport(request.ctx, request.params.id, request.params.year, request.body),
  );
  app.get(
    '/platform-stats',
    {
      schema: {
        tags,
        summary: '创新平台数（类型 × 级别 × 地区，年末）及当年增减',
        querystring: ZPlatformStatsQuery,
        response: { 200: ZPlatformStats },
      },
    },
    async (request) => platformStats(request.ctx, request.query),
  );

  app.get(
    '/platform-calls',
    { schema: { tags, summary: '市级创新平台认定批次', response: { 200: z.array(ZPlatformCall) } } },
    async (request) => listPlatformCalls(request.ctx),
  );
  app.post(
    '/platform-calls',
    { schema: { tags, summary: '新建认定批次（草稿）', body: ZPlatformCallInput, response: { 200: ZPlatformCall } } },
    async (request) => createPlatformCall(request.ctx, request.body),
  );
  app.post(
    '/platform-calls/:id/publish',
    { schema: { tags, summary: '发布认定通知，开始受理', params: ZIdParams, response: { 200: ZPlatformCall } } },
    async (request) => publishPlatformCall(request.ctx, request.params.id),
  );
  app.post(
    '/platform-calls/:id/publicity',
    {
      schema: {
        tags,
        summary: '评审通过的申请进入公示（不少于5个工作日）',
        params: ZIdParams,
        body: ZPlatformPublicityInput,
        response: { 200: ZPlatformCall },
      },
    },
    async (request) => startPlatformPublicity(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/platform-calls/:id/recognise',
    { schema: { tags, summary: '公示期满后发文认定', params: ZIdParams, body: ZPlatformRecogniseInput, response: { 200: ZPlatformCall } } },
    async (request) => recognisePlatformCall(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/platform-applications',
    {
      schema: {
        tags,
        summary: '认定申请（局：已提交的；依托单位：本单位的）',
        querystring: ZPlatformApplicationQuery,
        response: { 200: z.array(ZPlatformApplication) },
      },
    },
    async (request) => listPlatformApplications(request.ctx, request.query),
  );
  app.post(
    '/platform-applications',
    { schema: { tags, summary: '依托单位填写认定申请（草稿）', body: ZPlatformApplicationInput, response: { 200: ZPlatformApplication } } },
    async (request) => createPlatformApplication(request.ctx, request.body),
  );
  app.post(
    '/platform-applications/:id/submit',
    { schema: { tags, summary: '提交认定申请（核对认定条件与科研诚信）', params: ZIdParams, response: { 200: ZPlatformApplication } } },
    async (request) => submitPlatformApplication(request.ctx, request.params.id),
  );
  app.post(
    '/platform-applications/:id/review',
    {
      schema: { tags, summary: '录入专家评审结果', params: ZIdParams, body: ZPlatformReviewInput, response: { 200: ZPlatformApplication } },
    },
    async (request) => reviewPlatformApplication(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/platform-evaluations',
    { schema: { tags, summary: '绩效评价', response: { 200: z.array(ZPlatformEvaluation) } } },
    async (request) => listPlatformEvaluations(request.ctx),
  );
  app.post(
    '/platform-evaluations',
    {
      schema: {
        tags,
        summary: '开展绩效评价（某类型、某年度、某地区）',
        body: ZPlatformEvaluationInput,
        response: { 200: ZPlatformEvaluationDetail },
      },
    },
    async (request) => runPlatformEvaluation(request.ctx, request.body),
  );
  app.get(
    '/platform-evaluations/:id',
    { schema: { tags, summary: '绩效评价结果', params: ZIdParams, response: { 200: ZPlatformEvaluationDetail } } },
    async (request) => getPlatformEvaluation(request.ctx, request.params.id),
  );
  app.post(
    '/platform-evaluations/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认绩效评价结果（连续两年不合格的摘牌）',
        params: ZIdParams,
        body: ZPlatformEvaluationConfirm,
        response: { 200: ZPlatformEvaluationDetail },
      },
    },
    async (request) => confirmPlatformEvaluation(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/public/platforms',
    {
      config: { public: true },
      schema: { tags, summary: '创新平台公开名录（无需登录）', querystring: ZPublicPlatformQuery, response: { 200: ZPublicPlatformPage } },
    },
    async (request) => listPublicPlatforms(request.ctx, request.query),
  );
};
