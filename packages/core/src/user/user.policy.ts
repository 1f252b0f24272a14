import { AppError, type TOrgKind, type TRole } from '@kechuang/contracts';

/**
 * Which roles fit which kind of organisation: enterprise accounts belong to enterprises, and
 * only a science and technology bureau has admins and planners. Other roles fit any kind.
 */
const onlyIn: Partial<Record<TRole, TOrgKind[]>> = {
  enterprise: ['enterprise'],
  admin: ['bureau'],
  planner: ['bureau'],
};

export function assertRolesFit(roles: TRole[], orgKind: TOrgKind): void {
  for (const role of roles) {
    const kinds = onlyIn[role];
    if (kinds && !kinds.includes(orgKind)) throw new AppError('user/role_not_allowed', { role, orgKind });
  }
}
