// The internal run routes of Port's execution agent and Ocean: claim-pending, ack, and a run's response.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { acknowledge, claimPending, setResponse } from '../domain/agent-runs.js'
import { runView } from '../domain/run-views.js'
import { errorResponses } from '../schemas/common.js'
import { RunResponseSchema, RunSchema } from '../schemas/run.js'
import { ok } from './ok.js'

const tags = ['Action Runs (agents)']
const description = 'Used by Port\'s execution agent and Ocean (they send `x-port-reserved-usage: true`).'

export const agentRunRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/actions/runs/claim-pending', {
    schema: {
      tags,
      description,
      summary: 'Claim runs waiting for an agent',
      body: Type.Object({
        installationId: Type.String({ minLength: 1 }),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        visibilityTimeoutMs: Type.Optional(Type.Integer({ minimum: 1 })),
        invocationMethod: Type.Optional(Type.String()),
        exclude: Type.Optional(Type.Array(Type.String())),
      }),
      response: { 200: Type.Object({ ok: Type.Literal(true), runs: Type.Array(RunSchema) }), ...errorResponses(401, 413, 422) },
    },
  }, async (request) => ok({ runs: claimPending(request.ctx, request.body).map((run) => runView(request.ctx.org, run, 'v2')) }))

  app.patch('/actions/runs/ack', {
    schema: {
      tags,
      description: `${description} With \`runId\`, a run acknowledged before gets 409; with \`runIds\`, it is skipped.`,
      summary: 'Acknowledge claimed runs',
      body: Type.Object({ runIds: Type.Optional(Type.Array(Type.String(), { minItems: 1 })), runId: Type.Optional(Type.String()) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Object({ ok: Type.Literal(true), ackedCount: Type.Integer() }), ...errorResponses(401, 404, 409, 413, 422) },
    },
  }, async (request) => {
    const single = request.body.runId
    return ok({ ackedCount: acknowledge(request.ctx, single !== undefined ? [single] : request.body.runIds ?? [], single !== undefined) })
  })

  app.patch('/actions/runs/:run_id/response', {
    schema: {
      tags,
      description,
      summary: "Store a synchronized webhook's response on a run",
      params: Type.Object({ run_id: Type.String() }),
      body: Type.Object({ response: Type.Unknown() }, { additionalProperties: false }),
      response: { 200: RunResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ok({ run: runView(request.ctx.org, setResponse(request.ctx, request.params.run_id, request.body.response), 'v2') }))
}
