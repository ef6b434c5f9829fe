// GET /_emulator/health: 200 once the emulator is seeded and serving, 503 before. Needs no token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../schemas/health.js'
import { VERSION } from '../version.js'

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/_emulator/health', {
    schema: { tags: ['Emulator'], summary: 'Readiness of the emulator', response: { 200: HealthSchema, 503: HealthSchema } },
  }, async (_request, reply) => {
    if (!app.emulator.ready) return reply.code(503).send({ status: 'starting', version: VERSION })
    return { status: 'ready', version: VERSION } as const
  })
}
