// POST/GET/DELETE /_emulator/faults: inject latency, error answers or dropped connections into /v1 (and other) routes.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addFault, faultView } from '../domain/faults.js'
import { errors } from '../errors.js'
import { errorResponses, OkSchema } from '../schemas/common.js'
import { FaultRequestSchema, FaultSchema } from '../schemas/fault.js'

const tags = ['Emulator']
const FaultResponse = Type.Object({ ok: Type.Literal(true), fault: FaultSchema })

export const faultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = app.emulator.faults

  app.post('/_emulator/faults', {
    schema: {
      tags,
      summary: 'Inject a fault',
      description: 'Requests are matched by method and path; the first fault added that matches (and wins its draw, with `probability`) applies. ' +
        'Faults never apply to /_emulator routes.',
      body: FaultRequestSchema,
      response: { 201: FaultResponse, ...errorResponses(400, 401, 413, 422) },
    },
  }, async (request, reply) => reply.code(201).send({ ok: true as const, fault: addFault(store, request.body) }))

  app.get('/_emulator/faults', {
    schema: { tags, summary: 'Active faults', response: { 200: Type.Object({ ok: Type.Literal(true), faults: Type.Array(FaultSchema) }), ...errorResponses(401) } },
  }, async () => ({ ok: true as const, faults: store.active.map(faultView) }))

  app.get('/_emulator/faults/:id', {
    schema: { tags, summary: 'One active fault', params: Type.Object({ id: Type.String() }), response: { 200: FaultResponse, ...errorResponses(401, 404) } },
  }, async (request) => {
    const fault = store.get(request.params.id)
    if (fault === undefined) throw errors.notFound(`Fault "${request.params.id}" was not found (or has fired its last time)`)
    return { ok: true as const, fault: faultView(fault) }
  })

  app.delete('/_emulator/faults', {
    schema: { tags, summary: 'Remove every fault', response: { 200: OkSchema, ...errorResponses(401) } },
  }, async () => {
    store.clear()
    return { ok: true as const }
  })

  app.delete('/_emulator/faults/:id', {
    schema: { tags, summary: 'Remove one fault', params: Type.Object({ id: Type.String() }), response: { 200: OkSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    if (!store.remove(request.params.id)) throw errors.notFound(`Fault "${request.params.id}" was not found (or has fired its last time)`)
    return { ok: true as const }
  })
}
