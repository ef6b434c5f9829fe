// GET /v1/organization: the organization the token belongs to.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../schemas/common.js'
import { OrganizationResponseSchema } from '../schemas/organization.js'

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/organization', {
    schema: { tags: ['Organization'], summary: 'Get organization details', response: { 200: OrganizationResponseSchema, ...errorResponses(401) } },
  }, async (request) => {
    const { id, name } = request.ctx.org.org
    return { ok: true, organization: { id, name } } as const
  })
}
