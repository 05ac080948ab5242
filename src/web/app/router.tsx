import { lazy } from 'react';
import { Navigate, createBrowserRouter } from 'react-router';
import { useMe } from '../api/me';
import { Loading } from '../components/loading';
import { AppLayout } from '../layout/app-layout';
import { InvitePage } from '../pages/invite-page';
import { OverviewPage } from '../pages/overview-page';
import { SignInPage } from '../pages/sign-in-page';
import { SignUpPage } from '../pages/sign-up-page';
import { TerminalSignInPage } from '../pages/terminal-sign-in-page';
import { webModules } from '../web-modules';
import { ForgotPasswordPage } from '../account/forgot-password-page';
import { ResetPasswordPage } from '../account/reset-password-page';

const ProfilePage = lazy(() => import('../pages/profile-page'));
const MembersPage = lazy(() => import('../pages/members-page'));
const ModulesPage = lazy(() => import('../pages/modules-page'));
const AuditPage = lazy(() => import('../pages/audit-page'));
const ExportPage = lazy(() => import('../pages/export-page'));
const HealthPage = lazy(() => import('../pages/health-page'));
const AccountPage = lazy(() => import('../account/account-page'));
const WebhooksPage = lazy(() => import('../webhooks/webhooks-page'));

function Home() {
  const { data: me, isLoading } = useMe();
  if (isLoading) return <Loading />;
  if (!me) return <Navigate to="/signin" replace />;
  return <Navigate to={me.companies[0] ? `/c/${me.companies[0].id}` : '/signin'} replace />;
}

export const router = createBrowserRouter([
  { path: '/', element: <Home /> },
  { path: '/signin', element: <SignInPage /> },
  { path: '/signup', element: <SignUpPage /> },
  { path: '/invite', element: <InvitePage /> },
  { path: '/terminal', element: <TerminalSignInPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    path: '/c/:companyId',
    element: <AppLayout />,
    children: [
      { index: true, element: <OverviewPage />, handle: { help: 'help.overview' } },
      { path: 'profile', element: <ProfilePage />, handle: { help: 'help.profile' } },
      { path: 'members', element: <MembersPage />, handle: { help: 'help.members' } },
      { path: 'modules', element: <ModulesPage />, handle: { help: 'help.modules' } },
      { path: 'audit', element: <AuditPage />, handle: { help: 'help.audit' } },
      { path: 'export', element: <ExportPage />, handle: { help: 'help.export' } },
      { path: 'health', element: <HealthPage />, handle: { help: 'help.health' } },
      { path: 'webhooks', element: <WebhooksPage />, handle: { help: 'help.webhooks' } },
      { path: 'account', element: <AccountPage />, handle: { help: 'help.account' } },
      ...webModules.flatMap((m) => m.routes),
    ],
  },
  ...webModules.flatMap((m) => m.publicRoutes ?? []),
  { path: '*', element: <Navigate to="/" replace /> },
]);
