// /v1/actions/runs/{run_id}/logs: a runner's log lines and its termination log.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { addLog, listLogs } from '../domain/run-logs.js'
import { errorResponses } from '../schemas/common.js'
import { RunLogBodySchema, RunLogSchema } from '../schemas/run.js'
import { ok } from './ok.js'

const tags = ['Action Runs']
const RunParams = Type.Object({ run_id: Type.String() })

export const runLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/actions/runs/:run_id/logs', {
    schema: {
      tags,
      summary: 'Add a log to an action run',
      description: 'A `terminationStatus` ends the run; it is accepted once. Logs to an ended run get 422.',
      params: RunParams,
      body: RunLogBodySchema,
      response: { 201: Type.Object({ ok: Type.Literal(true), runLog: RunLogSchema }), ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request, reply) => reply.code(201).send(ok({ runLog: addLog(request.ctx, request.params.run_id, request.body) })))

  app.get('/actions/runs/:run_id/logs', {
    schema: {
      tags,
      summary: "Get an action run's logs",
      params: RunParams,
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
      response: { 200: Type.Object({ ok: Type.Literal(true), runLogs: Type.Array(RunLogSchema) }), ...errorResponses(401, 404, 422) },
    },
  }, async (request) => ok({ runLogs: listLogs(request.ctx, request.params.run_id, request.query.limit, request.query.offset) }))
}
