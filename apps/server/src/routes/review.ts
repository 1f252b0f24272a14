import {
  ZAvoidance,
  ZAvoidanceInput,
  ZBatchQuery,
  ZDeclareInput,
  ZDrawInput,
  ZDrawRecord,
  ZDrawSummary,
  ZIdParams,
  ZMyAssignment,
  ZPanel,
  ZReviewRanking,
  ZReviewSubjectView,
  ZRubric,
  ZRubricInput,
  ZRubricQuery,
  ZScoreInput,
  ZSubjectQuery,
  ZSubjectResult,
  ZVerifyResult,
} from '@kechuang/contracts';
import {
  addAvoidance,
  declareAssignment,
  drawPanels,
  getAssignmentSubject,
  getDraw,
  getPanel,
  getRanking,
  getRubric,
  getSubjectResult,
  listAvoidances,
  listDraws,
  listMyAssignments,
  openDraw,
  opinionsDocx,
  removeAvoidance,
  saveRubric,
  scoreSheetXlsx,
  submitScore,
  verifyDraw,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['review'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 专家抽取与评审. */
export const reviewRoutes: Routes = async (app) => {
  app.get(
    '/review/rubrics',
    {
      schema: {
        tags,
        summary: '批次（申报指南）的评分标准；未设置时返回默认标准（version 0）',
        querystring: ZRubricQuery,
        response: { 200: ZRubric },
      },
    },
    async (request) => getRubric(request.ctx, request.query),
  );
  app.put(
    '/review/rubrics',
    {
      schema: { tags, summary: '设置批次的评分标准、汇总方式、分差阈值、网评/会评与盲评', body: ZRubricInput, response: { 200: ZRubric } },
    },
    async (request) => saveRubric(request.ctx, request.body),
  );
  app.post(
    '/review/draws',
    {
      schema: {
        tags,
        summary: '随机抽取评审专家（单个或整批申报书；记录种子、专家库快照、条件、操作人与时间；结果密封至评审开始）',
        body: ZDrawInput,
        response: { 200: ZDrawRecord },
      },
    },
    async (request) => drawPanels(request.ctx, request.body),
  );
  app.get(
    '/review/draws',
    { schema: { tags, summary: '批次的抽取记录', querystring: ZBatchQuery, response: { 200: z.array(ZDrawSummary) } } },
    async (request) => listDraws(request.ctx, request.query),
  );
  app.get(
    '/review/draws/:id',
    {
      schema: {
        tags,
        summary: '抽取记录：条件、种子、快照摘要、每位被排除专家及原因、评审组',
        params: ZIdParams,
        response: { 200: ZDrawRecord },
      },
    },
    async (request) => getDraw(request.ctx, request.params.id),
  );
  app.get(
    '/review/draws/:id/verify',
    {
      schema: {
        tags,
        summary: '验证抽取：按记录重新抽取并比对评审组，并报告当前专家库与快照的差异',
        params: ZIdParams,
        response: { 200: ZVerifyResult },
      },
    },
    async (request) => verifyDraw(request.ctx, request.params.id),
  );
  app.post(
    '/review/draws/:id/open',
    { schema: { tags, summary: '开启评审（解除密封，专家可见任务）', params: ZIdParams, response: { 200: ZDrawRecord } } },
    async (request) => openDraw(request.ctx, request.params.id),
  );
  app.get(
    '/review/panels/:id',
    { schema: { tags, summary: '评审组：专家（按抽取顺序）、排除名单、日志', params: ZIdParams, response: { 200: ZPanel } } },
    async (request) => getPanel(request.ctx, request.params.id),
  );
  app.get(
    '/review/panels/:id/opinions.docx',
    { schema: { tags, summary: '评审意见（.docx，专家以编号代替姓名）', params: ZIdParams, produces: [docxType] } },
    async (request, reply) => {
      const { bytes, title } = await opinionsDocx(request.ctx, request.params.id);
      return sendDownload(reply, {
        bytes,
        type: docxType,
        asciiName: `opinions-${request.params.id}.docx`,
        name: `评审意见-${title}.docx`,
      });
    },
  );
  app.get(
    '/review/assignments/mine',
    { schema: { tags, summary: '我的评审任务（评审开始后可见）', response: { 200: z.array(ZMyAssignment) } } },
    async (request) => listMyAssignments(request.ctx),
  );
  app.post(
    '/review/assignments/:id/declare',
    {
      schema: {
        tags,
        summary: '利益冲突声明（无冲突后方可查看申报书；有冲突或不能参加由备选专家按顺序递补）',
        params: ZIdParams,
        body: ZDeclareInput,
        response: { 200: z.object({ status: z.string(), replacedBy: z.number().int().nullable() }) },
      },
    },
    async (request) => declareAssignment(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/review/assignments/:id/subject',
    {
      schema: {
        tags,
        summary: '评审的申报书（声明无冲突后；盲评隐去申报单位和人员）',
        params: ZIdParams,
        response: { 200: ZReviewSubjectView },
      },
    },
    async (request) => getAssignmentSubject(request.ctx, request.params.id),
  );
  app.put(
    '/review/assignments/:id/score',
    {
      schema: {
        tags,
        summary: '提交评分（网评由专家本人；会评由秘书录入）',
        params: ZIdParams,
        body: ZScoreInput,
        response: { 200: z.object({ total: z.string() }) },
      },
    },
    async (request) => submitScore(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/review/ranking',
    {
      schema: {
        tags,
        summary: '批次评审排名（汇总得分、分差标记、否决、组内排名）',
        querystring: ZBatchQuery,
        response: { 200: ZReviewRanking },
      },
    },
    async (request) => getRanking(request.ctx, request.query),
  );
  app.get(
    '/review/ranking.xlsx',
    { schema: { tags, summary: '评分表（.xlsx：排名与每位专家的评分）', querystring: ZBatchQuery, produces: [xlsxType] } },
    async (request, reply) => {
      const { bytes, title } = await scoreSheetXlsx(request.ctx, request.query);
      return sendDownload(reply, { bytes, type: xlsxType, asciiName: 'review-scores.xlsx', name: `评分表-${title}.xlsx` });
    },
  );
  app.get(
    '/review/result',
    {
      schema: {
        tags,
        summary: '单个评审对象的评审结果（立项、认定或验收决定时参考）',
        querystring: ZSubjectQuery,
        response: { 200: ZSubjectResult },
      },
    },
    async (request) => getSubjectResult(request.ctx, request.query),
  );
  app.post(
    '/review/avoidances',
    {
      schema: {
        tags,
        summary: '申请回避（申报单位，抽取前，最多 3 项；项目申报、平台认定申请或结题验收）',
        body: ZAvoidanceInput,
        response: { 200: ZAvoidance },
      },
    },
    async (request) => addAvoidance(request.ctx, request.body),
  );
  app.delete(
    '/review/avoidances/:id',
    {
      schema: {
        tags,
        summary: '撤回回避申请（申报单位，抽取前）',
        params: ZIdParams,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (request) => removeAvoidance(request.ctx, request.params.id),
  );
  app.get(
    '/review/avoidances',
    { schema: { tags, summary: '申报书的回避申请', querystring: ZSubjectQuery, response: { 200: z.array(ZAvoidance) } } },
    async (request) => listAvoidances(request.ctx, request.query),
  );
};
