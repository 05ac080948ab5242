import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import * as service from './skills.service.js';
import { levelsBody, requirementBody, requirementParams, skillPersonParams, trainingBody, trainingParams } from './skills.schemas.js';

/** Skills matrix, training records and what a go-live needs (`/privacy/skills…`). */
export const skillsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): service.SkillsContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId/privacy/skills';
  const tags = ['privacy'];

  app.get(base, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'The skills matrix: every member with assessed levels per competence, the security-awareness due date, and the distribution per competence', params: companyParams },
  }, async (request) => service.getMatrix(ctx(request)));

  app.get(`${base}/people/:skillPersonId`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: "A person's levels, training records and the requirements they are named in, with what they lack", params: skillPersonParams },
  }, async (request) => service.getPerson(ctx(request), request.params.skillPersonId));

  app.put(`${base}/people/:skillPersonId/levels`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Set (0–8, DigComp) or clear (null) assessed levels; competences left out stay as they are', params: skillPersonParams, body: levelsBody },
  }, async (request) => service.setLevels(ctx(request), request.params.skillPersonId, request.body));

  app.post(`${base}/trainings`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Record a training a person took: title, competences, day, provider, expiry', params: companyParams, body: trainingBody },
  }, async (request, reply) => reply.status(201).send(await service.recordTraining(ctx(request), request.body)));

  app.put(`${base}/trainings/:trainingId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Correct a training record', params: trainingParams, body: trainingBody },
  }, async (request) => service.updateTraining(ctx(request), request.params.trainingId, request.body));

  app.delete(`${base}/trainings/:trainingId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Remove a training record', params: trainingParams },
  }, async (request, reply) => {
    await service.removeTraining(ctx(request), request.params.trainingId);
    return reply.status(204).send();
  });

  app.get(`${base}/requirements`, {
    onRequest: requirePermission('privacy.read'),
    schema: { tags, summary: 'What measures, machines and software need of their users from go-live, the people not ready, and what a requirement can point at', params: companyParams },
  }, async (request) => service.listRequirements(ctx(request)));

  app.post(`${base}/requirements`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Add a requirement: a plan measure, machine or software, its go-live day, the competences and levels it needs, the people who will use it', params: companyParams, body: requirementBody },
  }, async (request, reply) => reply.status(201).send(await service.addRequirement(ctx(request), request.body)));

  app.put(`${base}/requirements/:requirementId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Change a requirement', params: requirementParams, body: requirementBody },
  }, async (request) => service.updateRequirement(ctx(request), request.params.requirementId, request.body));

  app.delete(`${base}/requirements/:requirementId`, {
    onRequest: requirePermission('privacy.manage'),
    schema: { tags, summary: 'Remove a requirement', params: requirementParams },
  }, async (request, reply) => {
    await service.removeRequirement(ctx(request), request.params.requirementId);
    return reply.status(204).send();
  });
};
