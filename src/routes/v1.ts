// Every authenticated /v1 route: resolves the bearer token to an Actor before any handler runs.
import type { FastifyPluginAsync } from 'fastify'
import { authenticate, type Actor } from '../domain/auth.js'
import { organizationRoutes } from './organization.js'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor
  }
}

export const v1Routes: FastifyPluginAsync = async (app) => {
  app.decorateRequest('actor', null as unknown as Actor)
  app.addHook('onRequest', async (request) => {
    request.actor = authenticate(app.emulator, request.headers.authorization)
  })
  await app.register(organizationRoutes)
}
