import type { TPlatformGrade } from '@kechuang/contracts';
import { Tag } from 'antd';

const gradeColor: Record<TPlatformGrade, string> = { 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' };

/** 绩效评价 grade as a coloured tag */
export function GradeTag({ grade }: { grade: string | null }) {
  if (!grade) return null;
  return <Tag color={gradeColor[grade as TPlatformGrade] ?? 'default'}>{grade}</Tag>;
}

/** the levels top-down, for selects */
export const levelOrder = ['national', 'provincial', 'city', 'county'] as const;

export function useRoleFlags(user: { roles: string[]; orgKind: string }) {
  const manager = user.roles.some((r) => r === 'admin' || r === 'planner');
  const reader = manager || user.roles.includes('viewer');
  // mirrors core/platform/platform.policy.ts isUnitUser
  const unit =
    user.roles.some((r) => r === 'enterprise' || r === 'reporter') && (user.orgKind === 'enterprise' || user.orgKind === 'institute');
  return { manager, reader, unit };
}
