import {
  planExecLimits,
  ZAssignmentBulk,
  ZAssignmentBulkResult,
  ZAssignmentSet,
  ZAssignmentSuggestions,
  ZAttachmentParams,
  ZAttachmentQuery,
  ZDashboardQuery,
  ZExecNode,
  ZIdParams,
  ZInbox,
  ZInboxQuery,
  ZOk,
  ZPlanDashboard,
  ZPlanExec,
  ZPlanMetaPatch,
  ZPlanNodeAdd,
  ZPlanNodeParams,
  ZPlanNodePatch,
  ZPlanNodeRemoveQuery,
  ZPlanNodeReorder,
  ZPlanProgress,
  ZPlanPublish,
  ZPlanRevisionList,
  ZPlanTargetBind,
  ZPlanTargetParams,
  ZProgressQuery,
  ZProgressReport,
  ZReportAttachment,
  ZReportDraftCreate,
  ZReportDraftUpdate,
  ZReportReview,
  ZReviewQueue,
  ZReviewQueueQuery,
  ZRowVersion,
  ZTaskDetail,
} from '@kechuang/contracts';
import {
  addPlanNode,
  bindPlanTarget,
  deleteAttachment,
  deleteReportDraft,
  downloadAttachment,
  getInbox,
  getPlanDashboard,
  getPlanExec,
  getPlanProgress,
  getReport,
  getTaskDetail,
  listPlanRevisions,
  listReviewQueue,
  patchPlanMeta,
  patchPlanNode,
  removePlanNode,
  reorderPlanNodes,
  reviewReport,
  reviseReport,
  saveReportDraft,
  setAssignments,
  setAssignmentsBulk,
  setPlanPublished,
  submitReport,
  suggestAssignments,
  updateReportDraft,
  uploadAttachment,
} from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['plan'];

/** Running a plan: editing with history, assignments, reports and evidence, review, inbox, dashboard. */
export const planExecutionRoutes: Routes = async (app) => {
  // Evidence uploads arrive as the file's raw bytes (any content type), up to the attachment limit.
  const uploadLimit = planExecLimits.attachmentBytes + 1024;
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));

  // ---- the plan and its editing ----
  app.get(
    '/plans/:id/execution',
    {
      schema: {
        tags,
        summary: '计划执行视图：任务树（含责任单位、时间安排、报送周期）与指标',
        params: ZIdParams,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => getPlanExec(request.ctx, request.params.id),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: '修改计划信息（保留修订历史；version 不符返回 409）',
        params: ZIdParams,
        body: ZPlanMetaPatch,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => patchPlanMeta(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/plans/:id/publish',
    {
      schema: {
        tags,
        summary: '发布计划（发布后责任单位可见并报送）',
        params: ZIdParams,
        body: ZPlanPublish,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => setPlanPublished(request.ctx, request.params.id, true, request.body),
  );
  app.post(
    '/plans/:id/unpublish',
    { schema: { tags, summary: '撤回发布（回到草稿）', params: ZIdParams, body: ZPlanPublish, response: { 200: ZPlanExec } } },
    async (request) => setPlanPublished(request.ctx, request.params.id, false, request.body),
  );
  app.get(
    '/plans/:id/revisions',
    { schema: { tags, summary: '计划修订历史（每次调整前的版本快照）', params: ZIdParams, response: { 200: ZPlanRevisionList } } },
    async (request) => listPlanRevisions(request.ctx, request.params.id),
  );
  app.post(
    '/plans/:id/nodes',
    { schema: { tags, summary: '新增任务或章节', params: ZIdParams, body: ZPlanNodeAdd, response: { 200: ZPlanExec } } },
    async (request) => addPlanNode(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/plans/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: '修改任务：责任领导、起止时间、报送周期、权重、里程碑等',
        params: ZPlanNodeParams,
        body: ZPlanNodePatch,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => patchPlanNode(request.ctx, request.params.id, request.params.nodeId, request.body),
  );
  app.put(
    '/plans/:id/targets/:targetId/indicator',
    {
      schema: {
        tags,
        summary: '目标绑定指标库指标（null 解除绑定）：实际值取自指标库',
        params: ZPlanTargetParams,
        body: ZPlanTargetBind,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => bindPlanTarget(request.ctx, request.params.id, request.params.targetId, request.body),
  );
  app.delete(
    '/plans/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: '删除任务或章节（含下级；已有报送的不能删除）',
        params: ZPlanNodeParams,
        querystring: ZPlanNodeRemoveQuery,
        response: { 200: ZPlanExec },
      },
    },
    async (request) => removePlanNode(request.ctx, request.params.id, request.params.nodeId, request.query),
  );
  app.post(
    '/plans/:id/reorder',
    { schema: { tags, summary: '调整同一上级下的任务顺序', params: ZIdParams, body: ZPlanNodeReorder, response: { 200: ZPlanExec } } },
    async (request) => reorderPlanNodes(request.ctx, request.params.id, request.body),
  );

  // ---- assignments ----
  app.put(
    '/plans/:id/nodes/:nodeId/assignments',
    {
      schema: {
        tags,
        summary: '设置任务的牵头单位和配合单位',
        params: ZPlanNodeParams,
        body: ZAssignmentSet,
        response: { 200: ZExecNode },
      },
    },
    async (request) => setAssignments(request.ctx, request.params.id, request.params.nodeId, request.body),
  );
  app.put(
    '/plans/:id/assignments',
    {
      schema: {
        tags,
        summary: '批量分工：为多项任务统一设置（替换）或追加牵头单位和配合单位（全部通过才写入）',
        params: ZIdParams,
        body: ZAssignmentBulk,
        response: { 200: ZAssignmentBulkResult },
      },
    },
    async (request) => setAssignmentsBulk(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/plans/:id/assignment-suggestions',
    {
      schema: { tags, summary: '按识别出的牵头/配合单位名称推荐责任单位', params: ZIdParams, response: { 200: ZAssignmentSuggestions } },
    },
    async (request) => suggestAssignments(request.ctx, request.params.id),
  );

  // ---- progress ----
  app.get(
    '/plans/:id/dashboard',
    {
      schema: {
        tags,
        summary: '计划执行总览（可按章节、责任单位筛选）',
        params: ZIdParams,
        querystring: ZDashboardQuery,
        response: { 200: ZPlanDashboard },
      },
    },
    async (request) => getPlanDashboard(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/plans/:id/progress',
    {
      schema: {
        tags,
        summary: '计划进度明细（每项任务、指标、单位的状态与说明）',
        params: ZIdParams,
        querystring: ZProgressQuery,
        response: { 200: ZPlanProgress },
      },
    },
    async (request) => getPlanProgress(request.ctx, request.params.id, request.query.asOf),
  );
  app.get(
    '/plans/:id/tasks/:nodeId',
    {
      schema: {
        tags,
        summary: '任务详情：状态说明、指标、各期报送及版本、时间线',
        params: ZPlanNodeParams,
        querystring: ZProgressQuery,
        response: { 200: ZTaskDetail },
      },
    },
    async (request) => getTaskDetail(request.ctx, request.params.id, request.params.nodeId, request.query.asOf),
  );
  app.get(
    '/plans/:id/review-queue',
    { schema: { tags, summary: '待审核的进度报送', params: ZIdParams, querystring: ZReviewQueueQuery, response: { 200: ZReviewQueue } } },
    async (request) => listReviewQueue(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/plan-inbox',
    {
      schema: {
        tags,
        summary: '我的任务：待报送、逾期、退回、草稿（业务人员可按单位筛选）',
        querystring: ZInboxQuery,
        response: { 200: ZInbox },
      },
    },
    async (request) => getInbox(request.ctx, request.query),
  );

  // ---- reports ----
  app.post(
    '/plan-reports',
    {
      schema: {
        tags,
        summary: '保存进度报送草稿（该期已有草稿则保存到草稿；已提交则新建更正版本）',
        body: ZReportDraftCreate,
        response: { 200: ZProgressReport },
      },
    },
    async (request) => saveReportDraft(request.ctx, request.body),
  );
  app.get(
    '/plan-reports/:id',
    { schema: { tags, summary: '进度报送详情', params: ZIdParams, response: { 200: ZProgressReport } } },
    async (request) => getReport(request.ctx, request.params.id),
  );
  app.patch(
    '/plan-reports/:id',
    {
      schema: {
        tags,
        summary: '修改草稿（rowVersion 不符返回 409）',
        params: ZIdParams,
        body: ZReportDraftUpdate,
        response: { 200: ZProgressReport },
      },
    },
    async (request) => updateReportDraft(request.ctx, request.params.id, request.body),
  );
  app.delete('/plan-reports/:id', { schema: { tags, summary: '删除草稿', params: ZIdParams, response: { 200: ZOk } } }, async (request) => {
    await deleteReportDraft(request.ctx, request.params.id);
    return { ok: true as const };
  });
  app.post(
    '/plan-reports/:id/submit',
    { schema: { tags, summary: '提交报送（提交后不可修改）', params: ZIdParams, body: ZRowVersion, response: { 200: ZProgressReport } } },
    async (request) => submitReport(request.ctx, request.params.id, request.body.rowVersion),
  );
  app.post(
    '/plan-reports/:id/revise',
    {
      schema: {
        tags,
        summary: '更正或按退回意见修改：以该版本为底稿新建下一版本草稿',
        params: ZIdParams,
        response: { 200: ZProgressReport },
      },
    },
    async (request) => reviseReport(request.ctx, request.params.id),
  );
  app.post(
    '/plan-reports/:id/accept',
    {
      schema: {
        tags,
        summary: '审核通过（rowVersion 不符返回 409）',
        params: ZIdParams,
        body: ZReportReview,
        response: { 200: ZProgressReport },
      },
    },
    async (request) => reviewReport(request.ctx, request.params.id, 'accept', request.body),
  );
  app.post(
    '/plan-reports/:id/return',
    { schema: { tags, summary: '退回修改（须填写退回意见）', params: ZIdParams, body: ZReportReview, response: { 200: ZProgressReport } } },
    async (request) => reviewReport(request.ctx, request.params.id, 'return', request.body),
  );
  app.post(
    '/plan-reports/:id/attachments',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: '上传佐证材料（原始字节，?filename=；PDF/Word/Excel/PPT/图片/ZIP/TXT，单个 20 MB 以内，仅草稿）',
        params: ZIdParams,
        querystring: ZAttachmentQuery,
        response: { 200: ZReportAttachment },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return uploadAttachment(request.ctx, request.params.id, { filename: request.query.filename, bytes });
    },
  );
  app.get(
    '/plan-reports/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载佐证材料', params: ZAttachmentParams } },
    async (request, reply) => {
      const file = await downloadAttachment(request.ctx, request.params.id, request.params.attachmentId);
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.bytes));
    },
  );
  app.delete(
    '/plan-reports/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除草稿中的佐证材料', params: ZAttachmentParams, response: { 200: ZOk } } },
    async (request) => {
      await deleteAttachment(request.ctx, request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );
};
