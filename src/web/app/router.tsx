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
      { index: true, element: <OverviewPage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'modules', element: <ModulesPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'export', element: <ExportPage /> },
      { path: 'health', element: <HealthPage /> },
      { path: 'webhooks', element: <WebhooksPage /> },
      { path: 'account', element: <AccountPage /> },
      ...webModules.flatMap((m) => m.routes),
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
