// Entity search: across blueprints (POST /v1/entities/search) and paginated within one blueprint.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { searchBlueprintEntities, searchEntities } from '../domain/entity-reads.js'
import { errorResponses } from '../schemas/common.js'
import { BlueprintPathSchema, ReadEntityQuerySchema } from '../schemas/entities.js'
import { BlueprintSearchBodySchema, BlueprintSearchResponseSchema, SearchQuerySchema, SearchResponseSchema } from '../schemas/search.js'
import { bracketArrays, viewOf } from './entities.js'

const tags = ['Entities']

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/entities/search', {
    onRequest: bracketArrays,
    schema: {
      tags,
      summary: 'Search entities',
      description: 'Rules: `=`, `!=`, `in`, `notIn`, `contains`, `doesNotContains`, `containsAny`, `beginsWith`, `endsWith` (and their negations), ' +
        '`isEmpty`, `isNotEmpty`, `>`, `>=`, `<`, `<=`, `between`, `notBetween`, `isExpired`, `isNotExpired`, `relatedTo`; other operators get a 422.',
      querystring: ReadEntityQuerySchema,
      body: SearchQuerySchema,
      response: { 200: SearchResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ({ ok: true as const, failedBlueprints: [] as string[], ...searchEntities(request.ctx, request.body, viewOf(request.query)) }))

  app.post('/blueprints/:blueprint_identifier/entities/search', {
    schema: {
      tags,
      summary: "Search a blueprint's entities",
      description: 'Paginated: pass the answer\'s `next` as `from` to get the following page.',
      params: BlueprintPathSchema,
      body: BlueprintSearchBodySchema,
      response: { 200: BlueprintSearchResponseSchema, ...errorResponses(401, 404, 413, 422) },
    },
  }, async (request) => ({ ok: true, ...searchBlueprintEntities(request.ctx, request.params.blueprint_identifier, request.body) }) as const)
}
