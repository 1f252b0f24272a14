import {
  ZIdParams,
  ZIntegrityAppealInput,
  ZIntegrityCheckQuery,
  ZIntegrityCheckResult,
  ZIntegrityDismissInput,
  ZIntegrityEventParams,
  ZIntegrityExportQuery,
  ZIntegrityListQuery,
  ZIntegrityPackList,
  ZIntegrityPage,
  ZIntegrityRecord,
  ZIntegrityRecordInput,
  ZIntegrityRecordUpdate,
  ZIntegrityRevokeInput,
  ZIntegritySubjectList,
  ZIntegritySubjectQuery,
  ZIntegritySuggestionList,
  ZOk,
  ZPublicIntegrityPage,
  ZPublicIntegrityQuery,
  ZVersionBody,
} from '@kechuang/contracts';
import {
  checkBarredFor,
  confirmRecord,
  createRecord,
  dismissSuggestion,
  exportRecordsXlsx,
  findSubjects,
  getRecord,
  listIntegrityPacks,
  listPublicRecords,
  listRecords,
  listSuggestions,
  publishRecord,
  revokeRecord,
  setAppeal,
  updateRecord,
} from '@kechuang/core';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['integrity'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 科研诚信记录（红黑名单）. */
export const integrityRoutes: Routes = async (app) => {
  app.get(
    '/public/integrity-records',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '科研诚信黑名单 / 红名单公示（公开，无需登录；不含身份证号码）',
        querystring: ZPublicIntegrityQuery,
        response: { 200: ZPublicIntegrityPage },
      },
    },
    async (request) => listPublicRecords(request.ctx, request.query),
  );
  app.get(
    '/integrity/packs',
    { schema: { tags, summary: '规则版本（令第19号 / 令第24号）：失信类型、处理措施、参考期限', response: { 200: ZIntegrityPackList } } },
    async (request) => [...listIntegrityPacks(request.ctx)],
  );
  app.get(
    '/integrity/records',
    { schema: { tags, summary: '科研诚信记录列表', querystring: ZIntegrityListQuery, response: { 200: ZIntegrityPage } } },
    async (request) => listRecords(request.ctx, request.query),
  );
  app.get(
    '/integrity/records/export',
    { schema: { tags, summary: '导出科研诚信记录（.xlsx）', querystring: ZIntegrityExportQuery, produces: [xlsx] } },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportRecordsXlsx(request.ctx, request.query),
        type: xlsx,
        asciiName: 'integrity-records.xlsx',
        name: '科研诚信记录.xlsx',
      }),
  );
  app.post(
    '/integrity/records',
    { schema: { tags, summary: '新建科研诚信记录（草稿）', body: ZIntegrityRecordInput, response: { 200: ZIntegrityRecord } } },
    async (request) => createRecord(request.ctx, request.body),
  );
  app.get(
    '/integrity/records/:id',
    { schema: { tags, summary: '科研诚信记录详情', params: ZIdParams, response: { 200: ZIntegrityRecord } } },
    async (request) => getRecord(request.ctx, request.params.id),
  );
  app.put(
    '/integrity/records/:id',
    {
      schema: {
        tags,
        summary: '修改科研诚信记录（仅草稿）',
        params: ZIdParams,
        body: ZIntegrityRecordUpdate,
        response: { 200: ZIntegrityRecord },
      },
    },
    async (request) => updateRecord(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/integrity/records/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认记录（生效，参与限制核查）',
        params: ZIdParams,
        body: ZVersionBody,
        response: { 200: ZIntegrityRecord },
      },
    },
    async (request) => confirmRecord(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/integrity/records/:id/publish',
    { schema: { tags, summary: '公布到黑名单 / 红名单', params: ZIdParams, body: ZVersionBody, response: { 200: ZIntegrityRecord } } },
    async (request) => publishRecord(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/integrity/records/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销记录（须写明原因）',
        params: ZIdParams,
        body: ZIntegrityRevokeInput,
        response: { 200: ZIntegrityRecord },
      },
    },
    async (request) => revokeRecord(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/integrity/records/:id/appeal',
    {
      schema: {
        tags,
        summary: '登记申诉（复核）情况',
        params: ZIdParams,
        body: ZIntegrityAppealInput,
        response: { 200: ZIntegrityRecord },
      },
    },
    async (request) => setAppeal(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/integrity/suggestions',
    {
      schema: { tags, summary: '待处理线索：验收不通过、撤销的项目（可转为记录草稿）', response: { 200: ZIntegritySuggestionList } },
    },
    async (request) => listSuggestions(request.ctx),
  );
  app.post(
    '/integrity/suggestions/:eventId/dismiss',
    {
      schema: {
        tags,
        summary: '线索不予立案（须写明原因）',
        params: ZIntegrityEventParams,
        body: ZIntegrityDismissInput,
        response: { 200: ZOk },
      },
    },
    async (request) => dismissSuggestion(request.ctx, request.params.eventId, request.body),
  );
  app.get(
    '/integrity/subjects',
    {
      schema: {
        tags,
        summary: '查找记录对象：人员（姓名或完整身份证号码）或单位（名称或统一社会信用代码）',
        querystring: ZIntegritySubjectQuery,
        response: { 200: ZIntegritySubjectList },
      },
    },
    async (request) => findSubjects(request.ctx, request.query),
  );
  app.get(
    '/integrity/check',
    {
      schema: {
        tags,
        summary: '核查：某人员或单位在某日是否被限制参与某项活动，及原因',
        querystring: ZIntegrityCheckQuery,
        response: { 200: ZIntegrityCheckResult },
      },
    },
    async (request) => checkBarredFor(request.ctx, request.query),
  );
};
