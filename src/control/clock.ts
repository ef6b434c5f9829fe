// GET/POST /_emulator/clock: read the emulated time, or move it (advance, set, reset).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { changeClock, clockView } from '../domain/clock-control.js'
import { ClockChangeSchema, ClockSchema } from '../schemas/clock.js'
import { errorResponses } from '../schemas/common.js'

const tags = ['Emulator']

export const clockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/_emulator/clock', {
    schema: { tags, summary: 'The emulated time', response: { 200: ClockSchema, ...errorResponses(401) } },
  }, async () => ({ ok: true as const, ...clockView(app.emulator.clock) }))

  app.post('/_emulator/clock', {
    schema: {
      tags,
      summary: 'Move the emulated time',
      description: 'Token expiry, claim leases and every timestamp follow it. Give exactly one of `advanceMs`, `set` or `reset`.',
      body: ClockChangeSchema,
      response: { 200: ClockSchema, ...errorResponses(400, 401, 413, 422) },
    },
  }, async (request) => {
    changeClock(app.emulator.clock, request.body)
    return { ok: true as const, ...clockView(app.emulator.clock) }
  })
}
