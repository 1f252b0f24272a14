import { type TAssessmentResult, type TEnterprise, type TEnterpriseYear, ZAssessmentInput } from '@kechuang/contracts';
import { bureauDate } from '../bureau-date.ts';
import type { Ctx } from '../context.ts';
import { assessEnterprise } from '../enterprise/index.ts';
import { assessmentRecords, type EnterpriseRecords, loadRecords } from './enterprise-records.repository.ts';
import { assertReadable, requireRegistryReader } from './enterprise-registry.policy.ts';
import { findEnterprise, loadTechSmeRegistrations, loadYears } from './enterprise-registry.repository.ts';
import { withIntegrityBan } from './integrity-ban.ts';

export interface StoredFacts {
  enterprise: TEnterprise;
  years: TEnterpriseYear[];
  /** the latest 高新技术企业 certificate in the ladder history, null when there is none */
  hnteCertificate: { issueDate: string; number?: string } | null;
  /** stored IP items, incidents and the completeness declaration; absent = none stored (unknown) */
  records?: EnterpriseRecords | undefined;
  /** revoked 科技型中小企业 入库登记编号; absent = not loaded (the revocation condition is then not listed) */
  techSmeRevocations?: { revokedOn: string; number: string }[] | undefined;
}

/**
 * The assessment input from what the registry holds. What it does not hold (self-assessed bands,
 * credit listings…, and IP items or incidents not declared) stays absent and is reported as
 * 'unknown', never as 'unmet'.
 */
export function assessmentInputOf(facts: StoredFacts) {
  const e = facts.enterprise;
  return ZAssessmentInput.parse({
    uscc: e.uscc,
    name: e.name,
    regionCode: e.regionCode,
    ...(e.industryCode && /^[A-T](\d{2,4})?$/.test(e.industryCode) ? { industryCode: e.industryCode } : {}),
    ...(e.registeredOn ? { registrationDate: e.registeredOn } : {}),
    years: facts.years.slice(-20),
    hnteCertificate: facts.hnteCertificate,
    ...assessmentRecords(facts.records),
    ...(facts.techSmeRevocations ? { techSmeRevocations: facts.techSmeRevocations } : {}),
  });
}

export function assessFacts(facts: StoredFacts, at: string): TAssessmentResult {
  return assessEnterprise(assessmentInputOf(facts), { at });
}

/** Pre-assesses a registered enterprise from its stored data (and any 科研诚信 ban on 高企认定). Nothing is stored. */
export async function assessStoredEnterprise(ctx: Ctx, id: number, at?: string) {
  const actor = requireRegistryReader(ctx);
  const today = bureauDate(ctx.now());
  const enterprise = assertReadable(actor, await findEnterprise(ctx.db, id, today), id);
  const [years, records, cert, registrations] = await Promise.all([
    loadYears(ctx.db, id),
    loadRecords(ctx.db, id),
    ctx.db
      .selectFrom('enterprise_status')
      .select(['valid_from', 'reference'])
      .where('enterprise_id', '=', id)
      .where('rung', '=', 'hnte')
      .orderBy('valid_from', 'desc')
      .executeTakeFirst(),
    loadTechSmeRegistrations(ctx.db, id),
  ]);
  const techSmeRevocations = registrations.flatMap((r) => (r.revokedOn === null ? [] : [{ revokedOn: r.revokedOn, number: r.number }]));
  const hnteCertificate = cert ? { issueDate: cert.valid_from, ...(cert.reference ? { number: cert.reference } : {}) } : null;
  const result = assessFacts({ enterprise, years, hnteCertificate, records, techSmeRevocations }, at ?? today);
  return { enterpriseId: id, result: await withIntegrityBan(ctx.db, enterprise, result) };
}
