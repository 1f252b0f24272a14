import type { TAssessmentResult, TEnterprise } from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';
import { outcomeLabels } from '../enterprise/outcome.ts';
import { enterpriseBarred } from '../integrity/index.ts';

/**
 * 高企认定 respects an active 科研诚信 ban: when the enterprise (its organisation, or the one with its credit code)
 * is barred from 高企认定 on the assessment date, each 高新技术企业 pre-assessment gets an unmet condition naming the
 * record, and its outcome becomes 'unlikely'. Without a ban nothing is added.
 */
export async function withIntegrityBan(
  db: Kysely<DB> | Transaction<DB>,
  enterprise: Pick<TEnterprise, 'orgId' | 'uscc'>,
  result: TAssessmentResult,
): Promise<TAssessmentResult> {
  if (!result.assessments.some((a) => a.program === 'hnte')) return result;
  const answer = await enterpriseBarred(db, { orgId: enterprise.orgId, uscc: enterprise.uscc }, 'hnte', result.at);
  if (!answer.barred) return result;
  return {
    ...result,
    assessments: result.assessments.map((a) =>
      a.program !== 'hnte'
        ? a
        : {
            ...a,
            outcome: 'unlikely' as const,
            outcomeLabel: outcomeLabels.unlikely,
            conditions: [
              ...a.conditions,
              {
                id: 'hnte.integrity',
                label: '不在科研诚信限制高企认定的期限内',
                status: 'unmet' as const,
                figures: {},
                threshold: '无有效的限制记录',
                clause: '国科发监〔2022〕221号；科研诚信记录',
                hint: answer.reason,
                needsReview: false,
              },
            ],
          },
    ),
  };
}
