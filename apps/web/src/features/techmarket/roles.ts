import type { TPoint, TUser } from '@kechuang/contracts';

/*
 * What the market's pages offer each user, mirroring core/techmarket/techmarket.policy.ts (the server enforces
 * the same): a selling unit (an enterprise account, or a reporter of an enterprise or institute) registers as a
 * seller and keeps its contracts; the admins and planners of an organisation that runs a 登记机构 are its
 * registrars; the bureau (admin, planner, viewer) reads statistics, and its admins and planners set up points.
 */
export interface MarketRoles {
  seller: boolean;
  registrar: boolean;
  statsReader: boolean;
  manager: boolean;
  /** switches a rule pack that is off by default (the 2024 draft) for the region */
  admin: boolean;
}

export function marketRoles(user: Pick<TUser, 'roles' | 'orgKind' | 'orgId'>, points: TPoint[] | undefined): MarketRoles {
  const has = (...r: string[]) => user.roles.some((x) => r.includes(x));
  const manager = has('admin', 'planner');
  return {
    seller: has('enterprise', 'reporter') && (user.orgKind === 'enterprise' || user.orgKind === 'institute'),
    registrar: manager && (points ?? []).some((p) => p.orgId === user.orgId),
    statsReader: manager || has('viewer'),
    manager,
    admin: has('admin'),
  };
}
