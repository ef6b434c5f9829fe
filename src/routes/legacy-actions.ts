// /v1/blueprints/{bp}/actions: legacy blueprint-scoped actions and their invocation routes (deprecated by Port).
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { legacyView } from '../domain/action-views.js'
import { createLegacyAction, deleteLegacyAction, getLegacyAction, legacyActionsOf, replaceLegacyAction, replaceLegacyActions } from '../domain/actions.js'
import { invoke } from '../domain/runs.js'
import { runView } from '../domain/run-views.js'
import { ActionResponseSchema, ActionsResponseSchema } from '../schemas/action.js'
import { errorResponses, OkSchema, OpenObject } from '../schemas/common.js'
import { LegacyActionBodySchema } from '../schemas/legacy-action.js'
import { RunResponseSchema } from '../schemas/run.js'
import { ok } from './ok.js'

const tags = ['Actions (legacy)']
const deprecated = true
const Blueprint = Type.Object({ blueprint_identifier: Type.String({ minLength: 1 }) })
const BlueprintAction = Type.Object({ blueprint_identifier: Type.String({ minLength: 1 }), action_identifier: Type.String({ minLength: 1 }) })
const EntityAction = Type.Object({ ...BlueprintAction.properties, entity_identifier: Type.String({ minLength: 1 }) })
const LegacyInvokeBody = Type.Object({ properties: OpenObject }, { additionalProperties: false })
const LegacyInvokeQuery = Type.Object({ run_id: Type.Optional(Type.String({ description: 'Accepted and ignored, as its meaning is undocumented' })) })

export const legacyActionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/blueprints/:blueprint_identifier/actions', {
    schema: { tags, deprecated, summary: "Get a blueprint's actions", params: Blueprint, response: { 200: ActionsResponseSchema, ...errorResponses(401, 404) } },
  }, async (request) => ok({ actions: legacyActionsOf(request.ctx, request.params.blueprint_identifier).map(legacyView) }))

  app.post('/blueprints/:blueprint_identifier/actions', {
    schema: { tags, deprecated, summary: 'Create a blueprint action', params: Blueprint, body: LegacyActionBodySchema, response: { 201: ActionResponseSchema, ...errorResponses(401, 404, 409, 413, 422) } },
  }, async (request, reply) => reply.code(201).send(ok({ action: legacyView(createLegacyAction(request.ctx, request.params.blueprint_identifier, request.body)) })))

  app.put('/blueprints/:blueprint_identifier/actions', {
    schema: { tags, deprecated, summary: "Replace a blueprint's actions", params: Blueprint, body: Type.Array(LegacyActionBodySchema), response: { 200: ActionsResponseSchema, ...errorResponses(401, 404, 409, 413, 422) } },
  }, async (request) => ok({ actions: replaceLegacyActions(request.ctx, request.params.blueprint_identifier, request.body).map(legacyView) }))

  app.get('/blueprints/:blueprint_identifier/actions/:action_identifier', {
    schema: { tags, deprecated, summary: 'Get a blueprint action', params: BlueprintAction, response: { 200: ActionResponseSchema, ...errorResponses(401, 404) } },
  }, async (request) => ok({ action: legacyView(getLegacyAction(request.ctx, request.params.blueprint_identifier, request.params.action_identifier)) }))

  app.put('/blueprints/:blueprint_identifier/actions/:action_identifier', {
    schema: { tags, deprecated, summary: 'Change a blueprint action', params: BlueprintAction, body: LegacyActionBodySchema, response: { 200: ActionResponseSchema, ...errorResponses(401, 404, 413, 422) } },
  }, async (request) => {
    const { blueprint_identifier: bp, action_identifier: id } = request.params
    return ok({ action: legacyView(replaceLegacyAction(request.ctx, bp, id, request.body)) })
  })

  app.delete('/blueprints/:blueprint_identifier/actions/:action_identifier', {
    schema: { tags, deprecated, summary: 'Delete a blueprint action', params: BlueprintAction, response: { 200: OkSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    deleteLegacyAction(request.ctx, request.params.blueprint_identifier, request.params.action_identifier)
    return ok({})
  })

  app.post('/blueprints/:blueprint_identifier/actions/:action_identifier/runs', {
    schema: { tags, deprecated, summary: "Run a blueprint's action", params: BlueprintAction, querystring: LegacyInvokeQuery, body: LegacyInvokeBody, response: { 202: RunResponseSchema, ...errorResponses(401, 404, 413, 422) } },
  }, async (request, reply) => {
    const { blueprint_identifier: blueprint, action_identifier: action } = request.params
    const run = invoke(request.ctx, action, request.body, { blueprint })
    return reply.code(202).send(ok({ run: runView(request.ctx.org, run) }))
  })

  app.post('/blueprints/:blueprint_identifier/entities/:entity_identifier/actions/:action_identifier/runs', {
    schema: { tags, deprecated, summary: "Run a blueprint's entity action", params: EntityAction, querystring: LegacyInvokeQuery, body: LegacyInvokeBody, response: { 202: RunResponseSchema, ...errorResponses(401, 404, 413, 422) } },
  }, async (request, reply) => {
    const { blueprint_identifier: blueprint, action_identifier: action, entity_identifier: entity } = request.params
    const run = invoke(request.ctx, action, { properties: request.body.properties, entity }, { blueprint })
    return reply.code(202).send(ok({ run: runView(request.ctx.org, run) }))
  })
}
