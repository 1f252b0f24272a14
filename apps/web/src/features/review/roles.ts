import type { TUser } from '@kechuang/contracts';

/*
 * What the review pages offer each user, mirroring core/review/review.policy.ts (the server enforces the same):
 * the bureau (admin, planner) draws, opens, sets the rubric and enters a meeting's scores; viewers read records
 * and rankings; an expert reviews what they were drawn for.
 */
export interface ReviewRoles {
  manager: boolean;
  reader: boolean;
  expert: boolean;
}

export function reviewRoles(user: Pick<TUser, 'roles'>): ReviewRoles {
  const has = (...r: string[]) => user.roles.some((x) => r.includes(x));
  const manager = has('admin', 'planner');
  return { manager, reader: manager || has('viewer'), expert: has('expert') };
}
