// GET /_emulator/deliveries: the delivery journal, answered at once or long-polled with `wait_ms`.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { errorResponses } from '../schemas/common.js'
import { DeliverySchema } from '../schemas/delivery.js'
import { orgFor } from './org.js'

export const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/_emulator/deliveries', {
    schema: {
      tags: ['Emulator'],
      summary: 'Delivery attempts to runners',
      description: 'With `wait_ms`, waits until a matching delivery exists (or the time is up) instead of answering at once.',
      querystring: Type.Object({
        run_id: Type.Optional(Type.String()),
        action: Type.Optional(Type.String()),
        org: Type.Optional(Type.String({ description: 'Organization id; defaults to the run\'s, else the default organization' })),
        wait_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
      }),
      response: { 200: Type.Object({ ok: Type.Literal(true), deliveries: Type.Array(DeliverySchema) }), ...errorResponses(401, 404, 422) },
    },
  }, async (request) => {
    const { run_id: runId, action, wait_ms: waitMs = 0 } = request.query
    const org = orgFor(app.emulator, request.query.org, runId)
    const filter = { ...(runId !== undefined ? { runId } : {}), ...(action !== undefined ? { action } : {}) }
    return { ok: true as const, deliveries: await org.deliveries.waitFor(filter, waitMs) }
  })
}
