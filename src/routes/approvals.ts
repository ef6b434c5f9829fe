// /v1/actions/runs/{run_id}/approval and /approvers: deciding on runs that wait for approval.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { approvers, decide } from '../domain/approvals.js'
import { runView } from '../domain/run-views.js'
import { errorResponses } from '../schemas/common.js'
import { ApprovalBodySchema, ApproverSchema, RunResponseSchema, VersionQuery } from '../schemas/run.js'
import { ok } from './ok.js'

const tags = ['Action Runs']
const RunParams = Type.Object({ run_id: Type.String() })

export const approvalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.patch('/actions/runs/:run_id/approval', {
    schema: {
      tags,
      summary: 'Approve or decline an action run',
      params: RunParams,
      querystring: Type.Object({ version: VersionQuery }),
      body: ApprovalBodySchema,
      response: { 201: RunResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request, reply) => {
    const run = decide(request.ctx, request.params.run_id, request.body)
    return reply.code(201).send(ok({ run: runView(request.ctx.org, run, request.query.version) }))
  })

  app.get('/actions/runs/:run_id/approvers', {
    schema: {
      tags,
      summary: "Get an action run's approvers",
      params: RunParams,
      querystring: Type.Object({ include_pending_approvers: Type.Boolean({ default: false }) }),
      response: { 200: Type.Object({ ok: Type.Literal(true), approvers: Type.Array(ApproverSchema) }), ...errorResponses(401, 404, 422) },
    },
  }, async (request) => ok({ approvers: approvers(request.ctx, request.params.run_id, request.query.include_pending_approvers) }))
}
