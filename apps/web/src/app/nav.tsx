import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { PlannedModule } from '../components/ModulePlaceholder.tsx';

export type ModuleKey = PlannedModule;
export type AdminKey = 'orgs' | 'users' | 'regions' | 'audit';

export interface NavItem<K extends string> {
  key: K;
  path: string;
  icon: ReactNode;
}

export const homeItem: NavItem<'home'> = { key: 'home', path: '/', icon: <HomeOutlined /> };

/** 我的任务: the reporting inbox of a responsible unit (shown to reporters). */
export const myTasksItem: NavItem<'myTasks'> = { key: 'myTasks', path: '/my-tasks', icon: <CarryOutOutlined /> };

/** Business modules, in the order a bureau's year flows. */
export const moduleItems: NavItem<ModuleKey>[] = [
  { key: 'plans', path: '/plans', icon: <ScheduleOutlined /> },
  { key: 'indicators', path: '/indicators', icon: <FundOutlined /> },
  { key: 'enterprises', path: '/enterprises', icon: <BankOutlined /> },
  { key: 'projects', path: '/projects', icon: <ExperimentOutlined /> },
  { key: 'experts', path: '/experts', icon: <IdcardOutlined /> },
  { key: 'review', path: '/review', icon: <SolutionOutlined /> },
  { key: 'integrity', path: '/integrity', icon: <SafetyCertificateOutlined /> },
  { key: 'techmarket', path: '/techmarket', icon: <SwapOutlined /> },
  { key: 'platforms', path: '/platforms', icon: <ClusterOutlined /> },
  { key: 'talent', path: '/talent', icon: <TeamOutlined /> },
  { key: 'vouchers', path: '/vouchers', icon: <TagsOutlined /> },
];

export const adminRoot = { key: 'admin' as const, path: '/admin', icon: <SettingOutlined /> };

export const adminItems: NavItem<AdminKey>[] = [
  { key: 'orgs', path: '/admin/orgs', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/admin/users', icon: <UserOutlined /> },
  { key: 'regions', path: '/admin/regions', icon: <EnvironmentOutlined /> },
  { key: 'audit', path: '/admin/audit', icon: <AuditOutlined /> },
];

export function moduleIcon(key: ModuleKey): ReactNode {
  return moduleItems.find((m) => m.key === key)?.icon;
}
