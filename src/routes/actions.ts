// /v1/actions: the current generation of actions.
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { currentView } from '../domain/action-views.js'
import { createAction, deleteAction, getAction, listActions, replaceAction } from '../domain/actions.js'
import { ActionBodySchema, ActionResponseSchema, ActionsResponseSchema, ListActionsQuerySchema } from '../schemas/action.js'
import { errorResponses, OkSchema } from '../schemas/common.js'
import { ok } from './ok.js'

const tags = ['Actions']
const Params = Type.Object({ action_identifier: Type.String({ minLength: 1 }) })

export const actionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/actions', {
    schema: { tags, summary: 'Get actions', querystring: ListActionsQuerySchema, response: { 200: ActionsResponseSchema, ...errorResponses(401, 422) } },
  }, async (request) => ok({ actions: listActions(request.ctx, request.query).map(currentView) }))

  app.post('/actions', {
    schema: { tags, summary: 'Create an action', body: ActionBodySchema, response: { 201: ActionResponseSchema, ...errorResponses(401, 404, 409, 413, 422) } },
  }, async (request, reply) => reply.code(201).send(ok({ action: currentView(createAction(request.ctx, request.body)) })))

  app.get('/actions/:action_identifier', {
    schema: { tags, summary: 'Get an action', params: Params, response: { 200: ActionResponseSchema, ...errorResponses(401, 404) } },
  }, async (request) => ok({ action: currentView(getAction(request.ctx, request.params.action_identifier)) }))

  app.put('/actions/:action_identifier', {
    schema: { tags, summary: 'Change an action', params: Params, body: ActionBodySchema, response: { 200: ActionResponseSchema, ...errorResponses(401, 404, 413, 422) } },
  }, async (request) => ok({ action: currentView(replaceAction(request.ctx, request.params.action_identifier, request.body)) }))

  app.delete('/actions/:action_identifier', {
    schema: { tags, summary: 'Delete an action', params: Params, response: { 200: OkSchema, ...errorResponses(401, 404) } },
  }, async (request) => {
    deleteAction(request.ctx, request.params.action_identifier)
    return ok({})
  })
}
