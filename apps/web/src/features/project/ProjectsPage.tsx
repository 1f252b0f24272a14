import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCurrentUser } from '../auth/auth-api.ts';
import { CallsTab } from './CallsTab.tsx';
import { DeskTab } from './DeskTab.tsx';
import { MyApplicationsTab } from './MyApplicationsTab.tsx';
import { ProjectBankTab } from './ProjectBankTab.tsx';
import { projectRoles } from './roles.ts';
import { UpwardTab } from './UpwardTab.tsx';

/** 科技项目: calls, applications and their desk steps, the project bank and 争资 — each tab only for who may use it. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const roles = projectRoles(user);
  const navigate = useNavigate();
  const { tab } = useParams();
  const items = [
    { key: 'calls', label: t('project.page.tabs.calls'), children: <CallsTab roles={roles} /> },
    ...(roles.applicant ? [{ key: 'mine', label: t('project.page.tabs.mine'), children: <MyApplicationsTab /> }] : []),
    ...(roles.reader || roles.recommender
      ? [{ key: 'desk', label: t('project.page.tabs.desk'), children: <DeskTab roles={roles} /> }]
      : []),
    { key: 'bank', label: t('project.page.tabs.bank'), children: <ProjectBankTab roles={roles} /> },
    ...(roles.reader ? [{ key: 'upward', label: t('project.page.tabs.upward'), children: <UpwardTab roles={roles} /> }] : []),
  ];
  const active = items.some((i) => i.key === tab) ? (tab as string) : (items[0]?.key ?? 'calls');
  return (
    <div data-testid="page-projects">
      <PageHeader title={t('modules.projects.title')} subtitle={t('modules.projects.subtitle')} />
      <Tabs activeKey={active} onChange={(k) => navigate(`/projects/${k}`)} items={items} destroyOnHidden />
    </div>
  );
}
