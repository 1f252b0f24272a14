import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { PageSkeleton } from '../components/PageSkeleton.tsx';
import { NotFound } from '../components/ResultPages.tsx';
import { AppShell } from './AppShell.tsx';
import { AuthEvents, RequireAdmin, RequireAuth, RequireModule } from './guards.tsx';
import { RouteError } from './RouteError.tsx';

/** Each page is its own chunk: `page(() => import('…'), 'OrgsPage')`. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string, fallback = <PageSkeleton />) {
  const Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={fallback}>
      <Component />
    </Suspense>
  );
}

const full = <FullPageSpin />;

export const router = createBrowserRouter([
  // 正在征集的申报指南: public, outside the sign-in events (a visitor without a session is never sent to /login)
  {
    path: '/open-calls',
    errorElement: <RouteError />,
    element: page(() => import('../features/project/PublicCallsPage.tsx'), 'PublicCallsPage', full),
  },
  // 科研诚信公示 and 技术供需大厅: public like the open calls
  {
    path: '/integrity-public',
    errorElement: <RouteError />,
    element: page(() => import('../features/integrity/PublicIntegrityPage.tsx'), 'PublicIntegrityPage', full),
  },
  {
    path: '/platforms-public',
    errorElement: <RouteError />,
    element: page(() => import('../features/platform/PublicPlatformsPage.tsx'), 'PublicPlatformsPage', full),
  },
  { path: '/service-confirm/:token', element: page(() => import('../features/talent/ConfirmServicePage.tsx'), 'ConfirmServicePage', full) },
  {
    path: '/market',
    errorElement: <RouteError />,
    element: page(() => import('../features/techmarket/PublicMarketPage.tsx'), 'PublicMarketPage', full),
  },
  {
    element: <AuthEvents />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: page(() => import('../features/auth/LoginPage.tsx'), 'LoginPage', full) },
      { path: '/password', element: page(() => import('../features/auth/PasswordPage.tsx'), 'PasswordPage', full) },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppShell />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: page(() => import('../features/home/HomePage.tsx'), 'HomePage') },
              {
                element: <RequireModule module="plans" />,
                children: [
                  { path: 'plans', element: page(() => import('../features/plan/PlansPage.tsx'), 'PlansPage') },
                  { path: 'plans/import', element: page(() => import('../features/plan/PlanImportPage.tsx'), 'PlanImportPage') },
                  { path: 'plans/:id', element: page(() => import('../features/plan/PlanDetailPage.tsx'), 'PlanDetailPage') },
                  {
                    path: 'plans/:id/execution',
                    element: page(() => import('../features/plan-execution/PlanExecutionPage.tsx'), 'PlanExecutionPage'),
                  },
                  {
                    path: 'plans/:id/dashboard',
                    element: page(() => import('../features/plan-execution/DashboardPage.tsx'), 'DashboardPage'),
                  },
                  { path: 'plans/:id/review', element: page(() => import('../features/plan-execution/ReviewPage.tsx'), 'ReviewPage') },
                  {
                    path: 'plans/:id/bulletins',
                    element: page(() => import('../features/plan-execution/BulletinsPage.tsx'), 'BulletinsPage'),
                  },
                  {
                    path: 'plans/:id/revisions',
                    element: page(() => import('../features/plan-execution/RevisionsPage.tsx'), 'RevisionsPage'),
                  },
                ],
              },
              {
                // a reporter opens the tasks of its own unit
                element: <RequireModule module={['plans', 'myTasks']} />,
                children: [
                  {
                    path: 'plans/:id/tasks/:nodeId',
                    element: page(() => import('../features/plan-execution/TaskDetailPage.tsx'), 'TaskDetailPage'),
                  },
                ],
              },
              {
                element: <RequireModule module="myTasks" />,
                children: [{ path: 'my-tasks', element: page(() => import('../features/plan-execution/MyTasksPage.tsx'), 'MyTasksPage') }],
              },
              {
                element: <RequireModule module="indicators" />,
                children: [
                  { path: 'indicators/:tab?', element: page(() => import('../features/indicator/IndicatorsPage.tsx'), 'IndicatorsPage') },
                ],
              },
              {
                element: <RequireModule module="enterprises" />,
                children: [
                  { path: 'enterprises', element: page(() => import('../features/enterprise/EnterprisesPage.tsx'), 'EnterprisesPage') },
                  { path: 'enterprises/assess', element: page(() => import('../features/enterprise/AssessPage.tsx'), 'AssessPage') },
                ],
              },
              {
                element: <RequireModule module="projects" />,
                children: [
                  { path: 'projects/item/:id', element: page(() => import('../features/project/ProjectPage.tsx'), 'ProjectPage') },
                  { path: 'projects/:tab?', element: page(() => import('../features/project/ProjectsPage.tsx'), 'ProjectsPage') },
                ],
              },
              {
                element: <RequireModule module="experts" />,
                children: [{ path: 'experts/:tab?', element: page(() => import('../features/expert/ExpertsPage.tsx'), 'ExpertsPage') }],
              },
              {
                element: <RequireModule module="review" />,
                children: [{ path: 'review/*', element: page(() => import('../features/review/ReviewPage.tsx'), 'ReviewPage') }],
              },
              {
                element: <RequireModule module="integrity" />,
                children: [
                  { path: 'integrity/:tab?', element: page(() => import('../features/integrity/IntegrityPage.tsx'), 'IntegrityPage') },
                ],
              },
              {
                element: <RequireModule module="techmarket" />,
                children: [
                  { path: 'techmarket/:tab?', element: page(() => import('../features/techmarket/TechmarketPage.tsx'), 'TechmarketPage') },
                ],
              },
              {
                element: <RequireModule module="talent" />,
                children: [{ path: 'talent/*', element: page(() => import('../features/talent/TalentPage.tsx'), 'TalentPage') }],
              },
              {
                element: <RequireModule module="platforms" />,
                children: [{ path: 'platforms/*', element: page(() => import('../features/platform/PlatformsPage.tsx'), 'PlatformsPage') }],
              },
              {
                element: <RequireModule module="vouchers" />,
                children: [{ path: 'vouchers/*', element: page(() => import('../features/voucher/VouchersPage.tsx'), 'VouchersPage') }],
              },
              // a 科技特派员's own service log (phone-sized); the page tells anyone else that no dispatch is on record
              { path: 'field-log', element: page(() => import('../features/talent/FieldLogPage.tsx'), 'FieldLogPage') },
              { path: 'sessions', element: page(() => import('../features/session/SessionsPage.tsx'), 'SessionsPage') },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  { index: true, element: <Navigate to="/admin/orgs" replace /> },
                  { path: 'orgs', element: page(() => import('../features/org/OrgsPage.tsx'), 'OrgsPage') },
                  { path: 'users', element: page(() => import('../features/user/UsersPage.tsx'), 'UsersPage') },
                  { path: 'regions', element: page(() => import('../features/region/RegionsPage.tsx'), 'RegionsPage') },
                  { path: 'audit', element: page(() => import('../features/audit/AuditPage.tsx'), 'AuditPage') },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
