import type { FastifyPluginAsync } from 'fastify';
import { companyHealthRoutes } from '../health/health.routes.js';
import { webhooksRoutes } from '../webhooks/webhooks.routes.js';
import { accountRoutes } from './account.routes.js';
import { authRoutes } from './auth.routes.js';
import { companyRoutes } from './company.routes.js';
import { exportRoutes } from './export.routes.js';
import { invitationsRoutes } from './invitations.routes.js';
import { membersRoutes } from './members.routes.js';
import { passwordResetRoutes } from './password-reset.routes.js';
import { terminalSignInRoutes } from './terminal-signin.routes.js';
import { twoFactorSignInRoutes } from './two-factor-signin.routes.js';
import { workersRoutes } from './workers.routes.js';

export const platformRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(companyRoutes);
  await app.register(membersRoutes);
  await app.register(invitationsRoutes);
  await app.register(exportRoutes);
  await app.register(workersRoutes);
  await app.register(terminalSignInRoutes);
  await app.register(accountRoutes);
  await app.register(passwordResetRoutes);
  await app.register(twoFactorSignInRoutes);
  await app.register(companyHealthRoutes);
  await app.register(webhooksRoutes);
};
