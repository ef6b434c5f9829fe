// GET/DELETE /_emulator/requests: the request journal, oldest first, secrets redacted.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { listRequests } from '../domain/request-journal.js'
import { errorResponses, OkSchema } from '../schemas/common.js'
import { RequestRecordSchema } from '../schemas/request-journal.js'

const tags = ['Emulator']

export const requestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/_emulator/requests', {
    schema: {
      tags,
      summary: 'Requests the emulator received',
      description: 'Oldest first, as they arrived; `limit` keeps the newest matches. Reading or clearing the journal is not recorded. ' +
        'Authorization headers, client secrets, access tokens and the admin token are redacted.',
      querystring: Type.Object({
        method: Type.Optional(Type.String({ description: 'HTTP method, any case' })),
        path: Type.Optional(Type.String({ description: 'Exact path, or a pattern in which `*` matches any characters (`/` too), e.g. `/v1/actions/runs/*`' })),
        status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
        run_id: Type.Optional(Type.String()),
        org: Type.Optional(Type.String({ description: 'Organization id' })),
        limit: Type.Optional(Type.Integer({ minimum: 1 })),
      }),
      response: { 200: Type.Object({ ok: Type.Literal(true), requests: Type.Array(RequestRecordSchema) }), ...errorResponses(401, 422) },
    },
  }, async (request) => {
    const { method, path, status, run_id: runId, org: orgId, limit } = request.query
    return { ok: true as const, requests: listRequests(app.emulator, { method, path, status, runId, orgId, limit }) }
  })

  app.delete('/_emulator/requests', {
    schema: { tags, summary: 'Empty the request journal', response: { 200: OkSchema, ...errorResponses(401) } },
  }, async () => {
    app.emulator.requestJournal.clear()
    return { ok: true as const }
  })
}
