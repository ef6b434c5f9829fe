// /v1/blueprints/{bp}/entities…: create/upsert (201), bulk (200/207), read, PUT, PATCH, delete, bulk delete,
// delete all and count. Every write accepts `run_id`.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { onRequestHookHandler } from 'fastify'
import { bulkCreateEntities, countEntities, createEntity, patchEntity, replaceEntity } from '../domain/entities.js'
import { bulkDeleteEntities, deleteAllEntities, deleteEntity } from '../domain/entity-delete.js'
import { readEntities, readEntity } from '../domain/entity-reads.js'
import { errorResponses, OkSchema } from '../schemas/common.js'
import {
  BlueprintPathSchema, BulkCreateBodySchema, BulkCreateResponseSchema, BulkDeleteBodySchema, BulkDeleteResponseSchema,
  CountResponseSchema, CreateEntityQuerySchema, DeleteAllEntitiesQuerySchema, DeleteEntityQuerySchema, EntitiesResponseSchema,
  EntityBodySchema, EntityPatchSchema, EntityPathSchema, EntityResponseSchema, EntityViewResponseSchema, ReadEntityQuerySchema,
  UpdateEntityQuerySchema, type ReadEntityQuery,
} from '../schemas/entities.js'

const tags = ['Entities']
const writeErrors = errorResponses(401, 404, 409, 413, 422)

/** Maps the read query to view options. */
export function viewOf (query: ReadEntityQuery): { include?: string[], exclude?: string[], attachTitles: boolean } {
  return { include: query.include, exclude: query.exclude, attachTitles: query.attach_title_to_relation }
}

/** Clients such as axios send arrays as `include[]=a`; read them as `include`. */
export const bracketArrays: onRequestHookHandler = (request, _reply, done) => {
  const query = request.query as Record<string, unknown>
  for (const key of ['include', 'exclude']) {
    const bracketed = query[`${key}[]`]
    if (bracketed === undefined) continue
    query[key] = [query[key] ?? [], bracketed].flat()
    delete query[`${key}[]`]
  }
  done()
}

export const entityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/blueprints/:blueprint_identifier/entities', {
    schema: {
      tags,
      summary: 'Create an entity',
      description: 'Without `upsert`, an existing identifier is a 409. `upsert` replaces the entity; `upsert` with `merge` updates the given fields.',
      params: BlueprintPathSchema,
      querystring: CreateEntityQuerySchema,
      body: EntityBodySchema,
      response: { 201: EntityResponseSchema, ...writeErrors },
    },
  }, async (request, reply) => {
    const { upsert, merge, validation_only: validationOnly, create_missing_related_entities: createMissing, run_id: runId } = request.query
    const { entity } = createEntity(request.ctx, request.params.blueprint_identifier, request.body, { upsert, merge, validationOnly, createMissing, runId })
    reply.code(201)
    return { ok: true, entity } as const
  })

  app.post('/blueprints/:blueprint_identifier/entities/bulk', {
    schema: {
      tags,
      summary: 'Create multiple entities',
      description: 'Up to 20 entities. 207 when some failed: those are listed in `errors`, the rest is written.',
      params: BlueprintPathSchema,
      querystring: CreateEntityQuerySchema,
      body: BulkCreateBodySchema,
      response: { 200: BulkCreateResponseSchema, 207: BulkCreateResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request, reply) => {
    const { upsert, merge, validation_only: validationOnly, create_missing_related_entities: createMissing, run_id: runId } = request.query
    const result = bulkCreateEntities(request.ctx, request.params.blueprint_identifier, request.body.entities, { upsert, merge, validationOnly, createMissing, runId })
    reply.code(result.errors.length > 0 ? 207 : 200)
    return { ok: result.errors.length === 0, ...result }
  })

  app.get('/blueprints/:blueprint_identifier/entities', {
    onRequest: bracketArrays,
    schema: {
      tags,
      summary: 'Get all entities of a blueprint',
      params: BlueprintPathSchema,
      querystring: ReadEntityQuerySchema,
      response: { 200: EntitiesResponseSchema, ...errorResponses(401, 404) },
    },
  }, async (request) => ({ ok: true, entities: readEntities(request.ctx, request.params.blueprint_identifier, viewOf(request.query)) }) as const)

  app.get('/blueprints/:blueprint_identifier/entities/:entity_identifier', {
    onRequest: bracketArrays,
    schema: {
      tags,
      summary: 'Get an entity',
      params: EntityPathSchema,
      querystring: ReadEntityQuerySchema,
      response: { 200: EntityViewResponseSchema, ...errorResponses(401, 404) },
    },
  }, async (request) => {
    const { blueprint_identifier: blueprint, entity_identifier: identifier } = request.params
    return { ok: true, entity: readEntity(request.ctx, blueprint, identifier, viewOf(request.query)) } as const
  })

  app.put('/blueprints/:blueprint_identifier/entities/:entity_identifier', {
    schema: {
      tags,
      summary: 'Change an entity',
      description: 'Replaces an existing entity with the body.',
      params: EntityPathSchema,
      querystring: UpdateEntityQuerySchema,
      body: EntityBodySchema,
      response: { 200: EntityResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => {
    const { blueprint_identifier: blueprint, entity_identifier: identifier } = request.params
    const { create_missing_related_entities: createMissing, run_id: runId } = request.query
    return { ok: true, entity: replaceEntity(request.ctx, blueprint, identifier, request.body, { createMissing, runId }) } as const
  })

  app.patch('/blueprints/:blueprint_identifier/entities/:entity_identifier', {
    schema: {
      tags,
      summary: 'Update an entity',
      description: 'Updates the given fields; `properties` and `relations` are merged key by key.',
      params: EntityPathSchema,
      querystring: UpdateEntityQuerySchema,
      body: EntityPatchSchema,
      response: { 200: EntityResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => {
    const { blueprint_identifier: blueprint, entity_identifier: identifier } = request.params
    const { create_missing_related_entities: createMissing, run_id: runId } = request.query
    return { ok: true, entity: patchEntity(request.ctx, blueprint, identifier, request.body, { createMissing, runId }) } as const
  })

  app.delete('/blueprints/:blueprint_identifier/entities/:entity_identifier', {
    schema: {
      tags,
      summary: 'Delete an entity',
      description: 'Entities with a required relation to it block the delete (`has_dependents`) unless `delete_dependents=true`.',
      params: EntityPathSchema,
      querystring: DeleteEntityQuerySchema,
      response: { 200: OkSchema, ...errorResponses(401, 404, 422) },
    },
  }, async (request) => {
    const { blueprint_identifier: blueprint, entity_identifier: identifier } = request.params
    deleteEntity(request.ctx, blueprint, identifier, { deleteDependents: request.query.delete_dependents, runId: request.query.run_id })
    return { ok: true } as const
  })

  app.post('/blueprints/:blueprint_identifier/bulk/entities/delete', {
    schema: {
      tags,
      summary: 'Delete multiple entities',
      description: 'All or nothing. Identifiers that do not exist are skipped and left out of `deletedEntities`.',
      params: BlueprintPathSchema,
      querystring: DeleteEntityQuerySchema,
      body: BulkDeleteBodySchema,
      response: { 200: BulkDeleteResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => {
    const { delete_dependents: deleteDependents, run_id: runId } = request.query
    const deletedEntities = bulkDeleteEntities(request.ctx, request.params.blueprint_identifier, request.body.entities, { deleteDependents, runId })
    return { ok: true, deletedEntities } as const
  })

  app.delete('/blueprints/:blueprint_identifier/all-entities', {
    schema: {
      tags,
      summary: 'Delete all entities of a blueprint',
      params: BlueprintPathSchema,
      querystring: DeleteAllEntitiesQuerySchema,
      response: { 200: OkSchema, ...errorResponses(401, 404, 422) },
    },
  }, async (request) => {
    const { delete_blueprint: deleteBlueprint, run_id: runId } = request.query
    deleteAllEntities(request.ctx, request.params.blueprint_identifier, { deleteBlueprint, runId })
    return { ok: true } as const
  })

  app.get('/blueprints/:blueprint_identifier/entities-count', {
    schema: { tags, summary: "Get a blueprint's entity count", params: BlueprintPathSchema, response: { 200: CountResponseSchema, ...errorResponses(401, 404) } },
  }, async (request) => ({ ok: true, count: countEntities(request.ctx, request.params.blueprint_identifier) }) as const)
}
