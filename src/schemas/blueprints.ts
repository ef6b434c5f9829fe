// Schemas of the blueprint routes: Port's request bodies (patterns, lengths, enums) and open response records.
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { component } from './components.js'
import { OpenObject, QueryBoolean, StringEnum } from './common.js'

/** Port's blueprint identifier pattern: Unicode letters, digits and `@_.+:\/-`, not `.` or `..` (no `=`). */
export const BLUEPRINT_IDENTIFIER_PATTERN = '^(?!\\.{1,2}$)[\\p{L}0-9@_.+:\\\\/-]+$'
/** Keys of properties, relations, mirror and calculation properties. */
export const KEY_PATTERN = '^[A-Za-z0-9@_=\\-]+$'

const PROPERTY_TYPES = ['string', 'number', 'boolean', 'object', 'array'] as const
const PROPERTY_FORMATS = ['date-time', 'url', 'email', 'idn-email', 'ipv4', 'ipv6', 'markdown', 'yaml', 'user',
  'blueprints', 'team', 'timer', 'proto', 'labeled-url'] as const

/** A map whose keys follow Port's key pattern (at most 100 characters). */
function Keyed<T extends TSchema> (value: T) {
  return Type.Unsafe<Record<string, Static<T>>>({
    type: 'object',
    propertyNames: { pattern: KEY_PATTERN, maxLength: 100 },
    additionalProperties: value,
  })
}

const PropertyDefinitionSchema = component('BlueprintProperty', Type.Object({
  type: StringEnum(PROPERTY_TYPES),
  format: Type.Optional(StringEnum(PROPERTY_FORMATS)),
  title: Type.Optional(Type.String({ maxLength: 100 })),
  description: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  spec: Type.Optional(StringEnum(['open-api', 'embedded-url', 'async-api'])),
}, { additionalProperties: true }))

const RelationSchema = component('BlueprintRelation', Type.Object({
  title: Type.Optional(Type.String({ maxLength: 100 })),
  target: Type.String({ minLength: 1 }),
  required: Type.Boolean({ default: false }),
  many: Type.Boolean({ default: false }),
  description: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
}, { additionalProperties: false }))

const MirrorPropertySchema = component('MirrorProperty', Type.Object({
  path: Type.String({ pattern: '^(?:[A-Za-z0-9@_=\\-$]+\\.)+?(\\w|\\$|@|-)*?[^\\.]+$' }),
  title: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false }))

const CalculationPropertySchema = component('CalculationProperty', Type.Object({
  calculation: Type.String(),
  type: StringEnum(PROPERTY_TYPES),
  title: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: true }))

const AggregationPropertySchema = component('AggregationProperty', Type.Object({
  title: Type.String({ maxLength: 100 }),
  target: Type.String(),
  calculationSpec: OpenObject,
}, { additionalProperties: true }))

const BlueprintSchemaSchema = Type.Object({
  properties: Keyed(PropertyDefinitionSchema),
  required: Type.Optional(Type.Array(Type.String())),
}, { additionalProperties: false })

const blueprintFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  icon: Type.Optional(Type.String()),
  schema: BlueprintSchemaSchema,
  relations: Type.Optional(Keyed(RelationSchema)),
  mirrorProperties: Type.Optional(Keyed(MirrorPropertySchema)),
  calculationProperties: Type.Optional(Keyed(CalculationPropertySchema)),
  aggregationProperties: Type.Optional(Keyed(AggregationPropertySchema)),
  ownership: Type.Optional(Type.Object({ type: StringEnum(['Direct', 'Inherited']) }, { additionalProperties: true })),
  changelogDestination: Type.Optional(OpenObject),
}
const BlueprintIdentifier = Type.String({ pattern: BLUEPRINT_IDENTIFIER_PATTERN, maxLength: 100 })

export const BlueprintCreateSchema = Type.Object({ identifier: BlueprintIdentifier, ...blueprintFields }, { additionalProperties: true })
export const BlueprintReplaceSchema = Type.Object({ identifier: Type.Optional(BlueprintIdentifier), ...blueprintFields }, { additionalProperties: true })
export const BlueprintPatchSchema = Type.Partial(BlueprintReplaceSchema, { additionalProperties: true })

/** A blueprint body as the domain receives it (create, replace or patch). */
export type BlueprintInput = Static<typeof BlueprintPatchSchema> & Record<string, unknown>

/** A blueprint as returned: user-defined maps stay open so the serializer keeps every key. */
export const BlueprintSchema = component('Blueprint', Type.Object({
  identifier: Type.String(),
  title: Type.String(),
  description: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  schema: Type.Object({ properties: Type.Record(Type.String(), OpenObject), required: Type.Optional(Type.Array(Type.String())) }),
  relations: Type.Record(Type.String(), Type.Object({
    target: Type.String(),
    required: Type.Optional(Type.Boolean()),
    many: Type.Optional(Type.Boolean()),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  }, { additionalProperties: true })),
  mirrorProperties: OpenObject,
  calculationProperties: OpenObject,
  aggregationProperties: Type.Optional(OpenObject),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
}, { additionalProperties: true }))

export const BlueprintResponseSchema = Type.Object({ ok: Type.Literal(true), blueprint: BlueprintSchema })
export const BlueprintsResponseSchema = Type.Object({ ok: Type.Literal(true), blueprints: Type.Array(BlueprintSchema) })

export const BlueprintParamsSchema = Type.Object({ identifier: Type.String({ minLength: 1 }) })
export const CreateBlueprintQuerySchema = Type.Object({
  create_catalog_page: Type.Boolean({ default: true, description: 'Accepted for compatibility; the emulator has no catalog pages' }),
})
export const DeleteBlueprintQuerySchema = Type.Object({
  delete_actions: QueryBoolean('Also delete the self-service actions tied to this blueprint'),
})
