// GET /v1/audit-log: entity and run changes, filterable by run, entity, blueprint and time.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { queryAudit } from '../domain/audit.js'
import { AuditQuerySchema, AuditResponseSchema } from '../schemas/audit.js'
import { errorResponses } from '../schemas/common.js'
import { ok } from './ok.js'

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/audit-log', {
    schema: { tags: ['Audit'], summary: 'Get audit logs', querystring: AuditQuerySchema, response: { 200: AuditResponseSchema, ...errorResponses(401, 422) } },
  }, async (request) => ok({ audits: queryAudit(request.ctx, request.query) }))
}
