import {
  ZEnterpriseAssessment,
  ZEnterpriseAssessmentQuery,
  ZEnterpriseCreate,
  ZEnterpriseDetail,
  ZEnterpriseDisclosure,
  ZEnterpriseIncidentInput,
  ZEnterpriseIpInput,
  ZEnterpriseListQuery,
  ZEnterprisePage,
  ZEnterpriseRecordParams,
  ZEnterpriseUpdate,
  ZEnterpriseYearInput,
  ZEnterpriseYearParams,
  ZFunnel,
  ZFunnelQuery,
  ZIdParams,
  ZLadderStatusInput,
  ZReservePool,
  ZReserveQuery,
  ZReserveRulesInput,
  ZReserveRulesQuery,
  ZReserveRulesView,
  ZTechSmeRegistrationInput,
  ZTechSmeRegistrationParams,
  ZTechSmeRevocationInput,
} from '@kechuang/contracts';
import {
  addEnterpriseIncident,
  addEnterpriseIp,
  addLadderStatus,
  assessStoredEnterprise,
  createEnterprise,
  enterpriseFunnel,
  getEnterprise,
  getReserveRules,
  listEnterprises,
  registerTechSme,
  removeEnterpriseIncident,
  removeEnterpriseIp,
  reservePool,
  revokeTechSme,
  saveEnterpriseYear,
  saveReserveRules,
  setEnterpriseDisclosure,
  updateEnterprise,
} from '@kechuang/core';
import type { Routes } from './types.ts';

const tags = ['enterprise'];

export const enterpriseRegistryRoutes: Routes = async (app) => {
  app.get(
    '/enterprises',
    { schema: { tags, summary: '企业库列表', querystring: ZEnterpriseListQuery, response: { 200: ZEnterprisePage } } },
    async (request) => listEnterprises(request.ctx, request.query),
  );
  app.post(
    '/enterprises',
    { schema: { tags, summary: '登记企业', body: ZEnterpriseCreate, response: { 200: ZEnterpriseDetail } } },
    async (request) => createEnterprise(request.ctx, request.body),
  );
  app.get(
    '/enterprises/funnel',
    { schema: { tags, summary: '梯度培育漏斗（按地区、年度）', querystring: ZFunnelQuery, response: { 200: ZFunnel } } },
    async (request) => enterpriseFunnel(request.ctx, request.query),
  );
  app.get(
    '/enterprises/reserve',
    { schema: { tags, summary: '高企后备库（按接近程度排序，含差距）', querystring: ZReserveQuery, response: { 200: ZReservePool } } },
    async (request) => reservePool(request.ctx, request.query),
  );
  app.get(
    '/enterprises/reserve/rules',
    {
      schema: {
        tags,
        summary: '高企后备库入库规则（在用版本与本地区历史版本）',
        querystring: ZReserveRulesQuery,
        response: { 200: ZReserveRulesView },
      },
    },
    async (request) => getReserveRules(request.ctx, request.query),
  );
  app.put(
    '/enterprises/reserve/rules',
    {
      schema: {
        tags,
        summary: '新增高企后备库入库规则版本（按生效日期）',
        body: ZReserveRulesInput,
        response: { 200: ZReserveRulesView },
      },
    },
    async (request) => saveReserveRules(request.ctx, request.body),
  );
  app.get(
    '/enterprises/:id',
    { schema: { tags, summary: '企业详情（含年度数据与梯度历史）', params: ZIdParams, response: { 200: ZEnterpriseDetail } } },
    async (request) => getEnterprise(request.ctx, request.params.id),
  );
  app.put(
    '/enterprises/:id',
    { schema: { tags, summary: '修改企业信息', params: ZIdParams, body: ZEnterpriseUpdate, response: { 200: ZEnterpriseDetail } } },
    async (request) => updateEnterprise(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/enterprises/:id/years/:year',
    {
      schema: {
        tags,
        summary: '保存企业年度数据',
        params: ZEnterpriseYearParams,
        body: ZEnterpriseYearInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => saveEnterpriseYear(request.ctx, request.params.id, request.params.year, request.body),
  );
  app.post(
    '/enterprises/:id/statuses',
    {
      schema: {
        tags,
        summary: '登记梯度状态（入库、认定、上市等）',
        params: ZIdParams,
        body: ZLadderStatusInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => addLadderStatus(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/enterprises/:id/tech-sme-registrations',
    {
      schema: {
        tags,
        summary: '登记科技型中小企业入库登记编号（当年有效）',
        params: ZIdParams,
        body: ZTechSmeRegistrationInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => registerTechSme(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/enterprises/:id/tech-sme-registrations/:registrationId/revoke',
    {
      schema: {
        tags,
        summary: '撤销科技型中小企业入库登记编号（当年不得再次参与评价）',
        params: ZTechSmeRegistrationParams,
        body: ZTechSmeRevocationInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => revokeTechSme(request.ctx, request.params.id, request.params.registrationId, request.body),
  );
  app.post(
    '/enterprises/:id/ip-items',
    {
      schema: { tags, summary: '登记知识产权', params: ZIdParams, body: ZEnterpriseIpInput, response: { 200: ZEnterpriseDetail } },
    },
    async (request) => addEnterpriseIp(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/enterprises/:id/ip-items/:itemId',
    { schema: { tags, summary: '删除知识产权', params: ZEnterpriseRecordParams, response: { 200: ZEnterpriseDetail } } },
    async (request) => removeEnterpriseIp(request.ctx, request.params.id, request.params.itemId),
  );
  app.post(
    '/enterprises/:id/incidents',
    {
      schema: {
        tags,
        summary: '登记安全、质量、环境事故或失信记录',
        params: ZIdParams,
        body: ZEnterpriseIncidentInput,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => addEnterpriseIncident(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/enterprises/:id/incidents/:itemId',
    { schema: { tags, summary: '删除事故记录', params: ZEnterpriseRecordParams, response: { 200: ZEnterpriseDetail } } },
    async (request) => removeEnterpriseIncident(request.ctx, request.params.id, request.params.itemId),
  );
  app.put(
    '/enterprises/:id/disclosure',
    {
      schema: {
        tags,
        summary: '声明知识产权、事故记录是否已完整填报',
        params: ZIdParams,
        body: ZEnterpriseDisclosure,
        response: { 200: ZEnterpriseDetail },
      },
    },
    async (request) => setEnterpriseDisclosure(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/enterprises/:id/assessment',
    {
      schema: {
        tags,
        summary: '按已登记数据预评估（不保存；非认定结论）',
        params: ZIdParams,
        querystring: ZEnterpriseAssessmentQuery,
        response: { 200: ZEnterpriseAssessment },
      },
    },
    async (request) => assessStoredEnterprise(request.ctx, request.params.id, request.query.at),
  );
};
