import {
  ZBatchInput,
  ZBatchPay,
  ZIdParams,
  ZPublicProviderQuery,
  ZQuotaApplication,
  ZQuotaGrant,
  ZVoucherBatch,
  ZVoucherBatchQuery,
  ZVoucherFile,
  ZVoucherFileQuery,
  ZVoucherMe,
  ZVoucherPack,
  ZVoucherProvider,
  ZVoucherProviderInput,
  ZVoucherProviderPage,
  ZVoucherProviderQuery,
  ZVoucherQuota,
  ZVoucherQuotaPage,
  ZVoucherQuotaQuery,
  ZVoucherReason,
  ZVoucherUse,
  ZVoucherUseInput,
  ZVoucherUsePage,
  ZVoucherUseQuery,
  ZVoucherVersioned,
} from '@kechuang/contracts';
import {
  applyQuota,
  approveRedemption,
  cancelUse,
  createBatch,
  exportBatchXlsx,
  exportQuotasXlsx,
  getQuota,
  getUse,
  grantQuota,
  listBatches,
  listProviders,
  listQuotas,
  listUses,
  payBatch,
  publicProviders,
  refuseQuota,
  refuseRedemption,
  registerProvider,
  removeProvider,
  requestRedemption,
  uploadUseFile,
  useVoucher,
  voucherMe,
  voucherPacks,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['voucher'];
const uploadLimit = 20 * 1024 * 1024 + 1024;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 科技创新券: rule packs, the provider registry, quotas, vouchers used on contracts, redemption and batches. */
export const voucherRoutes: Routes = async (app) => {
  // evidence arrives as the file's raw bytes (PDF, JPG or PNG), checked by its bytes
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream', 'image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: uploadLimit },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/public/voucher-providers',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '创新券服务机构名录（公开，无需登录）',
        querystring: ZPublicProviderQuery,
        response: { 200: z.array(ZVoucherProvider) },
      },
    },
    async (request) => publicProviders(request.ctx, request.query.region),
  );
  app.get(
    '/vouchers/packs',
    { schema: { tags, summary: '各地创新券管理规则（版本化，含生效日期）', response: { 200: z.array(ZVoucherPack) } } },
    async () => voucherPacks,
  );
  app.get(
    '/vouchers/me',
    { schema: { tags, summary: '当前用户在创新券中的身份（局、持券企业、服务机构）', response: { 200: ZVoucherMe } } },
    async (request) => voucherMe(request.ctx),
  );

  app.get(
    '/vouchers/providers',
    { schema: { tags, summary: '服务机构名录（管理）', querystring: ZVoucherProviderQuery, response: { 200: ZVoucherProviderPage } } },
    async (request) => listProviders(request.ctx, request.query),
  );
  app.post(
    '/vouchers/providers',
    { schema: { tags, summary: '登记服务机构', body: ZVoucherProviderInput, response: { 200: ZVoucherProvider } } },
    async (request) => registerProvider(request.ctx, request.body),
  );
  app.post(
    '/vouchers/providers/:id/remove',
    {
      schema: {
        tags,
        summary: '服务机构移出名录（自今日起）',
        params: ZIdParams,
        body: ZVoucherVersioned,
        response: { 200: ZVoucherProvider },
      },
    },
    async (request) => removeProvider(request.ctx, request.params.id, request.body.version),
  );

  app.get(
    '/vouchers/quotas',
    {
      schema: {
        tags,
        summary: '创新券额度（局：本地区；企业：本企业）',
        querystring: ZVoucherQuotaQuery,
        response: { 200: ZVoucherQuotaPage },
      },
    },
    async (request) => listQuotas(request.ctx, request.query),
  );
  app.get(
    '/vouchers/quotas/export',
    {
      schema: {
        tags,
        summary: '导出创新券额度（.xlsx，筛选同列表）',
        querystring: ZVoucherQuotaQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportQuotasXlsx(request.ctx, request.query),
        type: xlsxType,
        asciiName: 'voucher-quotas.xlsx',
        name: '创新券额度.xlsx',
      }),
  );
  app.post(
    '/vouchers/quotas',
    { schema: { tags, summary: '申领创新券额度（企业本身，或局代团队申领）', body: ZQuotaApplication, response: { 200: ZVoucherQuota } } },
    async (request) => applyQuota(request.ctx, request.body),
  );
  app.get(
    '/vouchers/quotas/:id',
    { schema: { tags, summary: '额度详情', params: ZIdParams, response: { 200: ZVoucherQuota } } },
    async (request) => getQuota(request.ctx, request.params.id),
  );
  app.post(
    '/vouchers/quotas/:id/grant',
    { schema: { tags, summary: '核定额度', params: ZIdParams, body: ZQuotaGrant, response: { 200: ZVoucherQuota } } },
    async (request) => grantQuota(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/vouchers/quotas/:id/refuse',
    { schema: { tags, summary: '不予核定', params: ZIdParams, body: ZVoucherReason, response: { 200: ZVoucherQuota } } },
    async (request) => refuseQuota(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/vouchers/uses',
    {
      schema: {
        tags,
        summary: '创新券使用记录（局：本地区；企业：本企业使用的；服务机构：向本机构使用的）',
        querystring: ZVoucherUseQuery,
        response: { 200: ZVoucherUsePage },
      },
    },
    async (request) => listUses(request.ctx, request.query),
  );
  app.post(
    '/vouchers/uses',
    {
      schema: {
        tags,
        summary: '使用创新券（金额 = min(剩余额度, 比例 × 合同金额)，小额全额）',
        body: ZVoucherUseInput,
        response: { 200: ZVoucherUse.extend({ cutToRemainder: z.boolean() }) },
      },
    },
    async (request) => useVoucher(request.ctx, request.body),
  );
  app.get(
    '/vouchers/uses/:id',
    { schema: { tags, summary: '使用记录详情（含兑付材料）', params: ZIdParams, response: { 200: ZVoucherUse } } },
    async (request) => getUse(request.ctx, request.params.id),
  );
  app.post(
    '/vouchers/uses/:id/cancel',
    { schema: { tags, summary: '撤销使用（额度退回）', params: ZIdParams, body: ZVoucherVersioned, response: { 200: ZVoucherUse } } },
    async (request) => cancelUse(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/vouchers/uses/:id/files',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: '上传兑付材料（原始字节，?kind=contract|invoice|payment&filename=；PDF/JPG/PNG，20 MB 以内）',
        params: ZIdParams,
        querystring: ZVoucherFileQuery,
        response: { 200: ZVoucherFile },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return uploadUseFile(request.ctx, request.params.id, { kind: request.query.kind, filename: request.query.filename, bytes });
    },
  );
  app.post(
    '/vouchers/uses/:id/redemption',
    { schema: { tags, summary: '服务机构申请兑付', params: ZIdParams, body: ZVoucherVersioned, response: { 200: ZVoucherUse } } },
    async (request) => requestRedemption(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/vouchers/uses/:id/approve',
    { schema: { tags, summary: '审核通过兑付申请', params: ZIdParams, body: ZVoucherVersioned, response: { 200: ZVoucherUse } } },
    async (request) => approveRedemption(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/vouchers/uses/:id/refuse',
    { schema: { tags, summary: '不予兑付（额度退回）', params: ZIdParams, body: ZVoucherReason, response: { 200: ZVoucherUse } } },
    async (request) => refuseRedemption(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/vouchers/batches',
    { schema: { tags, summary: '季度兑付批次', querystring: ZVoucherBatchQuery, response: { 200: z.array(ZVoucherBatch) } } },
    async (request) => listBatches(request.ctx, request.query),
  );
  app.post(
    '/vouchers/batches',
    {
      schema: {
        tags,
        summary: '生成季度兑付批次（本季度末前审核通过、未入批的兑付）',
        body: ZBatchInput,
        response: { 200: ZVoucherBatch },
      },
    },
    async (request) => createBatch(request.ctx, request.body),
  );
  app.post(
    '/vouchers/batches/:id/pay',
    { schema: { tags, summary: '批次拨付完成', params: ZIdParams, body: ZBatchPay, response: { 200: ZVoucherBatch } } },
    async (request) => payBatch(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/vouchers/batches/:id/export',
    { schema: { tags, summary: '导出兑付批次明细（.xlsx，含合计）', params: ZIdParams } },
    async (request, reply) => {
      const file = await exportBatchXlsx(request.ctx, request.params.id);
      return sendDownload(reply, { bytes: file.bytes, type: xlsxType, asciiName: 'voucher-batch.xlsx', name: file.filename });
    },
  );
};
