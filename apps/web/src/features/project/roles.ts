import type { TUser } from '@kechuang/contracts';

/*
 * What the projects pages offer each user, mirroring core/project/project.policy.ts (the server enforces the
 * same): the bureau (admin, planner) manages calls, runs 推荐 / 形式审查 and decides; viewers read; an applicant
 * unit (an enterprise account, or a reporter of an enterprise or institute) applies and runs its own projects;
 * a 主管部门 (a reporter of a department) recommends the applications that name it.
 */
export interface ProjectRoles {
  manager: boolean;
  reader: boolean;
  applicant: boolean;
  recommender: boolean;
}

export function projectRoles(user: Pick<TUser, 'roles' | 'orgKind'>): ProjectRoles {
  const has = (...r: string[]) => user.roles.some((x) => r.includes(x));
  const manager = has('admin', 'planner');
  return {
    manager,
    reader: manager || has('viewer'),
    applicant: has('enterprise', 'reporter') && (user.orgKind === 'enterprise' || user.orgKind === 'institute'),
    recommender: has('reporter') && user.orgKind === 'department',
  };
}
