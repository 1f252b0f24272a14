import { ZAssessmentResult, ZAssessRequest, ZRulePackSummary } from '@kechuang/contracts';
import { assessPosted, rulePacks } from '@kechuang/core';
import { z } from 'zod';
import type { Routes } from './types.ts';

const tags = ['enterprise'];

export const enterpriseRoutes: Routes = async (app) => {
  app.post(
    '/enterprise/assess',
    {
      schema: {
        tags,
        summary: '高企/科技型中小企业条件预评估（不保存；结果为预评估，非认定结论）',
        body: ZAssessRequest,
        response: { 200: ZAssessmentResult },
      },
    },
    async (request) => assessPosted(request.ctx, request.body),
  );
  app.get(
    '/enterprise/rule-packs',
    { schema: { tags, summary: '评价规则包（版本与生效日期）', response: { 200: z.array(ZRulePackSummary) } } },
    async (request) => rulePacks(request.ctx),
  );
};
