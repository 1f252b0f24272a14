import {
  ZCorrectionRequest,
  ZIdParams,
  ZPoint,
  ZPointInput,
  ZRecognition,
  ZRefusal,
  ZSeller,
  ZSellerInput,
  ZStats,
  ZStatsQuery,
  ZTechContract,
  ZTechContractDetail,
  ZTechContractDraft,
  ZTechContractListQuery,
  ZTechContractPage,
  ZTechVersioned,
} from '@kechuang/contracts';
import {
  acceptContract,
  contractCertificateDocx,
  contractStats,
  contractStatsXlsx,
  createContract,
  createPoint,
  downloadContractFile,
  exportContractsXlsx,
  getContract,
  listContracts,
  listPoints,
  mySeller,
  recogniseContract,
  refuseContract,
  registerSeller,
  requestCorrection,
  submitContract,
  updateContract,
  uploadContractFile,
} from '@kechuang/core';
import { z } from 'zod';
import { sendDownload } from './download.ts';
import type { Routes } from './types.ts';

const tags = ['techmarket'];
const uploadLimit = 20 * 1024 * 1024 + 1024;

/** The technology market: sellers, registration points, contract registration and its statistics. */
export const techmarketRoutes: Routes = async (app) => {
  // the written contract arrives as the file's raw bytes (.docx or .pdf), checked by its bytes
  app.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: uploadLimit },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/techmarket/sellers',
    { schema: { tags, summary: '卖方注册', body: ZSellerInput, response: { 200: ZSeller } } },
    async (request) => registerSeller(request.ctx, request.body),
  );
  app.get(
    '/techmarket/sellers/me',
    { schema: { tags, summary: '本单位的卖方注册信息（未注册为 null）', response: { 200: ZSeller.nullable() } } },
    async (request) => mySeller(request.ctx),
  );
  app.post(
    '/techmarket/points',
    { schema: { tags, summary: '设立技术合同登记机构', body: ZPointInput, response: { 200: ZPoint } } },
    async (request) => createPoint(request.ctx, request.body),
  );
  app.get('/techmarket/points', { schema: { tags, summary: '技术合同登记机构', response: { 200: z.array(ZPoint) } } }, async (request) =>
    listPoints(request.ctx),
  );

  app.get(
    '/techmarket/contracts',
    {
      schema: {
        tags,
        summary: '技术合同（卖方：本单位的；登记机构：提交到本机构的）',
        querystring: ZTechContractListQuery,
        response: { 200: ZTechContractPage },
      },
    },
    async (request) => listContracts(request.ctx, request.query),
  );
  app.post(
    '/techmarket/contracts',
    { schema: { tags, summary: '新建技术合同（草稿）', body: ZTechContractDraft, response: { 200: ZTechContract } } },
    async (request) => createContract(request.ctx, request.body),
  );
  app.get(
    '/techmarket/contracts/:id',
    {
      schema: {
        tags,
        summary: '技术合同详情（含办理记录、不予登记理由清单与办结期限）',
        params: ZIdParams,
        response: { 200: ZTechContractDetail },
      },
    },
    async (request) => getContract(request.ctx, request.params.id),
  );
  app.put(
    '/techmarket/contracts/:id',
    {
      schema: {
        tags,
        summary: '修改草稿或补正中的技术合同（version 不符返回 409）',
        params: ZIdParams,
        body: ZTechContractDraft.extend({ version: z.number().int().positive() }),
        response: { 200: ZTechContract },
      },
    },
    async (request) => updateContract(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/contracts/:id/files',
    {
      bodyLimit: uploadLimit,
      schema: {
        tags,
        summary: '上传书面合同文本（原始字节，?filename=；.docx 或 .pdf，20 MB 以内）',
        params: ZIdParams,
        querystring: z.strictObject({ filename: z.string().trim().min(1).max(200) }),
        response: { 200: z.object({ id: z.number().int(), filename: z.string(), sha256: z.string() }) },
      },
    },
    async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      return uploadContractFile(request.ctx, request.params.id, { filename: request.query.filename, bytes });
    },
  );
  app.post(
    '/techmarket/contracts/:id/submit',
    {
      schema: {
        tags,
        summary: '提交认定登记（补正后再次提交）',
        params: ZIdParams,
        body: ZTechVersioned,
        response: { 200: ZTechContract },
      },
    },
    async (request) => submitContract(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/techmarket/contracts/:id/accept',
    {
      schema: {
        tags,
        summary: '登记机构受理（办结期限自受理之日起计算）',
        params: ZIdParams,
        body: ZTechVersioned,
        response: { 200: ZTechContract },
      },
    },
    async (request) => acceptContract(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/techmarket/contracts/:id/correction',
    { schema: { tags, summary: '要求补正材料', params: ZIdParams, body: ZCorrectionRequest, response: { 200: ZTechContract } } },
    async (request) => requestCorrection(request.ctx, request.params.id, request.body.version, request.body.note),
  );
  app.post(
    '/techmarket/contracts/:id/register',
    {
      schema: {
        tags,
        summary: '认定登记：确定合同类别，核定技术交易额，编号',
        params: ZIdParams,
        body: ZRecognition,
        response: { 200: ZTechContract },
      },
    },
    async (request) => recogniseContract(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/techmarket/contracts/:id/refuse',
    {
      schema: {
        tags,
        summary: '不予受理 / 不予登记（理由取自适用规则的清单）',
        params: ZIdParams,
        body: ZRefusal,
        response: { 200: ZTechContract },
      },
    },
    async (request) => refuseContract(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/techmarket/contracts/:id/certificate',
    { schema: { tags, summary: '技术合同登记证明（.docx，载明合同成交额与技术交易额）', params: ZIdParams } },
    async (request, reply) => {
      const file = await contractCertificateDocx(request.ctx, request.params.id);
      return sendDownload(reply, {
        bytes: file.bytes,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        asciiName: 'registration-certificate.docx',
        name: file.filename,
      });
    },
  );
  app.get(
    '/techmarket/contracts/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '下载合同文本（卖方与登记机构）',
        params: z.strictObject({ id: ZIdParams.shape.id, fileId: ZIdParams.shape.id }),
      },
    },
    async (request, reply) => {
      const file = await downloadContractFile(request.ctx, request.params.id, request.params.fileId);
      return sendDownload(reply, {
        bytes: file.bytes,
        type: file.contentType,
        asciiName: file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_'),
        name: file.filename,
      });
    },
  );
  app.get(
    '/techmarket/contracts.xlsx',
    {
      schema: {
        tags,
        summary: '导出技术合同列表（.xlsx，筛选同列表，金额单位万元）',
        querystring: ZTechContractListQuery.omit({ page: true, pageSize: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) =>
      sendDownload(reply, {
        bytes: await exportContractsXlsx(request.ctx, request.query),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        asciiName: 'tech-contracts.xlsx',
        name: '技术合同.xlsx',
      }),
  );
  app.get(
    '/techmarket/stats.xlsx',
    {
      schema: {
        tags,
        summary: '技术合同登记统计表（.xlsx：按合同类别、技术领域、卖方类型、登记月份）',
        querystring: ZStatsQuery.omit({ by: true }),
      },
    },
    async (request, reply) => {
      const file = await contractStatsXlsx(request.ctx, request.query);
      return sendDownload(reply, {
        bytes: file.bytes,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        asciiName: 'tech-contract-stats.xlsx',
        name: file.filename,
      });
    },
  );
  app.get(
    '/techmarket/stats',
    {
      schema: {
        tags,
        summary: '技术合同统计（输出/吸纳，按类别、月份、领域或卖方类型）',
        querystring: ZStatsQuery,
        response: { 200: ZStats },
      },
    },
    async (request) => contractStats(request.ctx, request.query),
  );
};
