// /v1/blueprints: list, create (201), get, replace (PUT), update (PATCH) and delete.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { createBlueprint, deleteBlueprint, getBlueprint, listBlueprints, patchBlueprint, replaceBlueprint } from '../domain/blueprints.js'
import {
  BlueprintCreateSchema, BlueprintParamsSchema, BlueprintPatchSchema, BlueprintReplaceSchema, BlueprintResponseSchema,
  BlueprintsResponseSchema, CreateBlueprintQuerySchema, DeleteBlueprintQuerySchema,
} from '../schemas/blueprints.js'
import { errorResponses, OkSchema } from '../schemas/common.js'

const tags = ['Blueprints']

export const blueprintRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/blueprints', {
    schema: { tags, summary: 'Get all blueprints', response: { 200: BlueprintsResponseSchema, ...errorResponses(401) } },
  }, async (request) => ({ ok: true, blueprints: listBlueprints(request.ctx) }) as const)

  app.post('/blueprints', {
    schema: {
      tags,
      summary: 'Create a blueprint',
      querystring: CreateBlueprintQuerySchema,
      body: BlueprintCreateSchema,
      response: { 201: BlueprintResponseSchema, ...errorResponses(401, 404, 409, 413, 422) },
    },
  }, async (request, reply) => {
    reply.code(201)
    return { ok: true, blueprint: createBlueprint(request.ctx, request.body) } as const
  })

  app.get('/blueprints/:identifier', {
    schema: { tags, summary: 'Get a blueprint', params: BlueprintParamsSchema, response: { 200: BlueprintResponseSchema, ...errorResponses(401, 404) } },
  }, async (request) => ({ ok: true, blueprint: getBlueprint(request.ctx, request.params.identifier) }) as const)

  app.put('/blueprints/:identifier', {
    schema: {
      tags,
      summary: 'Change a blueprint',
      description: 'Replaces the definition. Changing the type of a property or the target of a relation is refused.',
      params: BlueprintParamsSchema,
      body: BlueprintReplaceSchema,
      response: { 200: BlueprintResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ({ ok: true, blueprint: replaceBlueprint(request.ctx, request.params.identifier, request.body) }) as const)

  app.patch('/blueprints/:identifier', {
    schema: {
      tags,
      summary: 'Update a blueprint',
      description: 'Given fields replace the stored ones; `schema.properties`, `relations` and the other property maps are merged key by key.',
      params: BlueprintParamsSchema,
      body: BlueprintPatchSchema,
      response: { 200: BlueprintResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ({ ok: true, blueprint: patchBlueprint(request.ctx, request.params.identifier, request.body) }) as const)

  app.delete('/blueprints/:identifier', {
    schema: {
      tags,
      summary: 'Delete a blueprint',
      description: 'Refused with `has_dependents` while the blueprint has entities or is the target of another blueprint\'s relation.',
      params: BlueprintParamsSchema,
      querystring: DeleteBlueprintQuerySchema,
      response: { 200: OkSchema, ...errorResponses(401, 404, 422) },
    },
  }, async (request) => {
    deleteBlueprint(request.ctx, request.params.identifier)
    return { ok: true } as const
  })
}
