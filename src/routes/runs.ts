// /v1/actions/{id}/runs and /v1/actions/runs/{run_id}: invoking actions and reading and updating runs.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { invoke, listRuns, patchRun, getRun } from '../domain/runs.js'
import { runView } from '../domain/run-views.js'
import { errorResponses } from '../schemas/common.js'
import { InvokeBodySchema, ListRunsQuerySchema, PatchRunBodySchema, RunResponseSchema, RunsResponseSchema, VersionQuery } from '../schemas/run.js'
import { ok } from './ok.js'

const tags = ['Action Runs']
const RunParams = Type.Object({ run_id: Type.String() })
const Version = Type.Object({ version: VersionQuery })

export const runRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/actions/:action_identifier/runs', {
    schema: {
      tags,
      summary: 'Execute a self-service action',
      params: Type.Object({ action_identifier: Type.String({ minLength: 1 }) }),
      querystring: Type.Object({ run_as: Type.Optional(Type.String({ format: 'email', description: 'Run on behalf of this user of the organization' })) }),
      body: InvokeBodySchema,
      response: { 202: RunResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request, reply) => {
    const run = invoke(request.ctx, request.params.action_identifier, request.body, { runAs: request.query.run_as })
    return reply.code(202).send(ok({ run: runView(request.ctx.org, run) }))
  })

  app.get('/actions/runs', {
    schema: { tags, summary: 'Get action runs', querystring: ListRunsQuerySchema, response: { 200: RunsResponseSchema, ...errorResponses(401, 422) } },
  }, async (request) => ok({ runs: listRuns(request.ctx, request.query) }))

  app.get('/actions/runs/:run_id', {
    schema: { tags, summary: "Get an action run's details", params: RunParams, querystring: Version, response: { 200: RunResponseSchema, ...errorResponses(401, 404, 422) } },
  }, async (request) => ok({ run: runView(request.ctx.org, getRun(request.ctx, request.params.run_id), request.query.version) }))

  app.patch('/actions/runs/:run_id', {
    schema: {
      tags,
      summary: 'Update an action run',
      description: 'Each key given overrides its previous value. `status` ends the run; an ended run cannot be changed (422).',
      params: RunParams,
      querystring: Version,
      body: PatchRunBodySchema,
      response: { 200: RunResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ok({ run: runView(request.ctx.org, patchRun(request.ctx, request.params.run_id, request.body), request.query.version) }))
}
