import type { TTaskDetail } from '@kechuang/contracts';

/**
 * Whose report the drawer writes: the user's own unit, or — 代为填报 — an assigned unit a plan manager
 * reports for (`behalf` set: the report is the unit's, the submitter on record is the manager).
 */
export interface ReportFor {
  orgId: number | null;
  behalf: { orgId: number; name: string } | null;
}

export function reportFor(detail: TTaskDetail, orgId: number | undefined): ReportFor {
  if (orgId === undefined || orgId === detail.myOrgId) return { orgId: detail.myOrgId, behalf: null };
  const unit = [...detail.node.leadOrgs, ...detail.node.coOrgs].find((o) => o.orgId === orgId);
  return { orgId, behalf: { orgId, name: unit?.name ?? String(orgId) } };
}
