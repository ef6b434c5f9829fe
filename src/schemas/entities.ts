// Schemas of the entity routes: Port's request bodies and query parameters, and the entity as returned.
import { Type, type Static } from '@sinclair/typebox'
import { component } from './components.js'
import { OpenObject, QueryBoolean } from './common.js'

/** Port's entity identifier pattern: Unicode letters, digits and `@_.+:\/=-`, not `.` or `..`. */
export const ENTITY_IDENTIFIER_PATTERN = '^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/=-]+$'

const EntityIdentifier = Type.String({ pattern: ENTITY_IDENTIFIER_PATTERN, maxLength: 1000 })
const Nullable = <T extends 'string'>(type: T, description?: string) =>
  Type.Unsafe<string | null>({ type: [type, 'null'], ...(description !== undefined ? { description } : {}) })

/** A search query given where Port accepts one in place of an identifier (not supported by the emulator). */
const SearchQueryValue = Type.Object({ combinator: Type.String(), rules: Type.Array(OpenObject) }, { additionalProperties: true })

// Nullable strings are one `type: [string, null]` branch: Fastify's Ajv coerces types, and a plain string
// branch would turn null into "" before a null branch was tried.
const RelationValue = Type.Union([
  Type.Unsafe<string | null>({ type: ['string', 'null'], pattern: ENTITY_IDENTIFIER_PATTERN, maxLength: 1000 }),
  Type.Array(EntityIdentifier),
  SearchQueryValue,
])

const entityFields = {
  title: Type.Optional(Nullable('string', 'The title of the entity')),
  icon: Type.Optional(Nullable('string')),
  team: Type.Optional(Type.Union([Nullable('string'), Type.Array(Type.String()), SearchQueryValue])),
  properties: Type.Optional(OpenObject),
  relations: Type.Optional(Type.Record(Type.String(), RelationValue)),
}

/** POST and PUT bodies (Port allows extra top-level keys such as `blueprint`). */
export const EntityBodySchema = component('EntityBody', Type.Object({
  identifier: Type.Optional(Type.Union([EntityIdentifier, SearchQueryValue])),
  ...entityFields,
}, { additionalProperties: true }))

/** The PATCH body: only the entity's own fields. */
export const EntityPatchSchema = Type.Object({ identifier: Type.Optional(EntityIdentifier), ...entityFields }, { additionalProperties: false })

/** An entity body as the domain receives it. */
export type EntityInput = Static<typeof EntityBodySchema>

const entityShape = {
  identifier: Type.String(),
  title: Nullable('string'),
  icon: Nullable('string'),
  blueprint: Type.String(),
  team: Type.Array(Type.String()),
  properties: OpenObject,
  relations: OpenObject,
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
}

/** An entity as written: every field present. */
export const EntitySchema = component('Entity', Type.Object(entityShape))
/** An entity as read, where `include`/`exclude` may have left fields out. */
export const EntityViewSchema = component('EntityView', Type.Partial(Type.Object(entityShape)))

export const EntityResponseSchema = Type.Object({ ok: Type.Literal(true), entity: EntitySchema })
export const EntityViewResponseSchema = Type.Object({ ok: Type.Literal(true), entity: EntityViewSchema })
export const EntitiesResponseSchema = Type.Object({ ok: Type.Literal(true), entities: Type.Array(EntityViewSchema) })

export const BlueprintPathSchema = Type.Object({ blueprint_identifier: Type.String({ minLength: 1 }) })
export const EntityPathSchema = Type.Object({
  blueprint_identifier: Type.String({ minLength: 1 }),
  entity_identifier: Type.String({ minLength: 1, description: 'URL-encoded (an identifier may contain `/`)' }),
})

const RunId = Type.Optional(Type.String({ description: 'Ties the change to an action run' }))
const CreateMissing = QueryBoolean('Also create related entities that do not exist yet')

export const CreateEntityQuerySchema = Type.Object({
  upsert: QueryBoolean('Replace the entity if it exists'),
  merge: QueryBoolean('With upsert: update only the given fields'),
  validation_only: QueryBoolean('Validate only; change nothing'),
  create_missing_related_entities: CreateMissing,
  run_id: RunId,
})
export const UpdateEntityQuerySchema = Type.Object({ create_missing_related_entities: CreateMissing, run_id: RunId })
export const DeleteEntityQuerySchema = Type.Object({
  delete_dependents: QueryBoolean('Also delete the entities that relate to this one'),
  run_id: RunId,
})
export const DeleteAllEntitiesQuerySchema = Type.Object({
  delete_blueprint: QueryBoolean('Delete the blueprint too'),
  run_id: RunId,
})

/** Read options of GET and search routes. */
export const ReadEntityQuerySchema = Type.Object({
  include: Type.Optional(Type.Array(Type.String(), { description: 'Entity JSON paths to return, e.g. `identifier`, `properties.language`' })),
  exclude: Type.Optional(Type.Array(Type.String(), { description: 'Entity JSON paths to leave out' })),
  exclude_calculated_properties: QueryBoolean(),
  attach_title_to_relation: QueryBoolean('Return relations as `{ identifier, title }`'),
  attach_identifier_to_title_mirror_properties: QueryBoolean(),
  allow_partial_results: QueryBoolean(),
})
export type ReadEntityQuery = Static<typeof ReadEntityQuerySchema>

export const BulkCreateBodySchema = Type.Object({
  entities: Type.Array(EntityBodySchema, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false })

export const BulkCreateResponseSchema = Type.Object({
  ok: Type.Boolean(),
  entities: Type.Array(Type.Object({
    identifier: Type.String(),
    index: Type.Number(),
    created: Type.Boolean(),
    additionalData: Type.Optional(OpenObject),
  })),
  errors: Type.Array(Type.Object({
    identifier: Type.String(),
    index: Type.Number(),
    statusCode: Type.Number(),
    error: Type.String(),
    message: Type.String(),
  })),
})

export const BulkDeleteBodySchema = Type.Object({
  entities: Type.Array(Type.String(), { minItems: 1, maxItems: 100 }),
}, { additionalProperties: false })
export const BulkDeleteResponseSchema = Type.Object({ ok: Type.Literal(true), deletedEntities: Type.Array(Type.String()) })

export const CountResponseSchema = Type.Object({ ok: Type.Literal(true), count: Type.Number() })
