// Every authenticated /v1 route: resolves the bearer token to a request context before any handler runs.
import type { FastifyPluginAsync } from 'fastify'
import { authenticate } from '../domain/auth.js'
import type { Ctx } from '../domain/context.js'
import { actionRoutes } from './actions.js'
import { agentRunRoutes } from './agent-runs.js'
import { approvalRoutes } from './approvals.js'
import { auditRoutes } from './audit.js'
import { legacyActionRoutes } from './legacy-actions.js'
import { blueprintRoutes } from './blueprints.js'
import { entityRoutes } from './entities.js'
import { organizationRoutes } from './organization.js'
import { runLogRoutes } from './run-logs.js'
import { runRoutes } from './runs.js'
import { searchRoutes } from './search.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's organization and identity, set for every authenticated route. */
    ctx: Ctx
  }
}

export const v1Routes: FastifyPluginAsync = async (app) => {
  app.decorateRequest('ctx', null as unknown as Ctx)
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      request.ctx = authenticate(app.emulator, request.headers.authorization)
      done()
    } catch (error) {
      done(error as Error)
    }
  })
  await app.register(organizationRoutes)
  await app.register(blueprintRoutes)
  await app.register(entityRoutes)
  await app.register(searchRoutes)
  await app.register(actionRoutes)
  await app.register(legacyActionRoutes)
  await app.register(runRoutes)
  await app.register(agentRunRoutes)
  await app.register(runLogRoutes)
  await app.register(approvalRoutes)
  await app.register(auditRoutes)
}
