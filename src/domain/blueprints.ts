// Blueprint rules: unique identifiers, relation targets that exist, immutable property types and relation
// targets, a schema Ajv can compile, and no deleting a blueprint something still depends on.
import { errors } from '../errors.js'
import type { BlueprintInput } from '../schemas/blueprints.js'
import type { StoredBlueprint, StoredEntity } from '../store/catalog.js'
import { now, type Ctx } from './context.js'
import { forgetValidator, propertiesValidator } from './property-schema.js'

const META_KEYS = new Set(['identifier', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'])
const MERGED_MAPS = ['relations', 'mirrorProperties', 'calculationProperties', 'aggregationProperties'] as const

/** The blueprint, or 404. */
export function getBlueprint (ctx: Ctx, identifier: string): StoredBlueprint {
  const blueprint = ctx.org.catalog.blueprints.get(identifier)
  if (blueprint === undefined) throw errors.notFound(`Blueprint with identifier "${identifier}" was not found`)
  return blueprint
}

/** Every blueprint of the organization, in creation order. */
export function listBlueprints (ctx: Ctx): StoredBlueprint[] {
  return [...ctx.org.catalog.blueprints.values()]
}

/** POST /v1/blueprints: 409 when the identifier is taken. */
export function createBlueprint (ctx: Ctx, input: BlueprintInput & { identifier: string }): StoredBlueprint {
  const { catalog } = ctx.org
  if (catalog.blueprints.has(input.identifier)) {
    throw errors.identifierTaken(`A blueprint with identifier "${input.identifier}" already exists`)
  }
  const at = now(ctx)
  const blueprint = build(input.identifier, input, { createdAt: at, createdBy: ctx.actor.userId, updatedAt: at, updatedBy: ctx.actor.userId })
  check(ctx, blueprint, undefined)
  catalog.putBlueprint(blueprint)
  return blueprint
}

/** PUT: the body replaces the definition; meta `created*` fields are kept. */
export function replaceBlueprint (ctx: Ctx, identifier: string, input: BlueprintInput): StoredBlueprint {
  const previous = getBlueprint(ctx, identifier)
  return update(ctx, previous, build(identifier, input, meta(ctx, previous)))
}

/** PATCH: given top-level fields replace, and the maps (properties, relations, …) are merged key by key. */
export function patchBlueprint (ctx: Ctx, identifier: string, input: BlueprintInput): StoredBlueprint {
  const previous = getBlueprint(ctx, identifier)
  const merged: Record<string, unknown> = { ...previous, ...input }
  if (input.schema !== undefined) {
    merged.schema = {
      ...previous.schema,
      ...input.schema,
      properties: { ...previous.schema.properties, ...input.schema.properties },
    }
  }
  for (const key of MERGED_MAPS) {
    if (input[key] !== undefined) merged[key] = { ...previous[key], ...input[key] }
  }
  return update(ctx, previous, build(identifier, merged as BlueprintInput, meta(ctx, previous)))
}

/** DELETE: refused (`has_dependents`) while the blueprint has entities or another blueprint relates to it. */
export function deleteBlueprint (ctx: Ctx, identifier: string): void {
  const blueprint = getBlueprint(ctx, identifier)
  const count = ctx.org.catalog.countOf(identifier)
  if (count > 0) {
    throw errors.hasDependents(`Blueprint "${identifier}" has ${count} entities; delete them first (DELETE /v1/blueprints/${identifier}/all-entities)`)
  }
  assertNotRelationTarget(ctx, identifier)
  forgetValidator(blueprint)
  ctx.org.catalog.deleteBlueprint(identifier)
}

/** Throws `has_dependents` when another blueprint has a relation to `identifier`. */
export function assertNotRelationTarget (ctx: Ctx, identifier: string): void {
  for (const other of ctx.org.catalog.blueprints.values()) {
    if (other.identifier === identifier) continue
    for (const [name, relation] of Object.entries(other.relations)) {
      if (relation.target === identifier) {
        throw errors.hasDependents(`Blueprint "${identifier}" is the target of relation "${name}" of blueprint "${other.identifier}"`)
      }
    }
  }
}

function update (ctx: Ctx, previous: StoredBlueprint, next: StoredBlueprint): StoredBlueprint {
  check(ctx, next, previous)
  forgetValidator(previous)
  ctx.org.catalog.putBlueprint(next)
  dropRemovedValues(ctx, previous, next)
  return next
}

function build (identifier: string, input: Record<string, unknown>, meta: Pick<StoredBlueprint, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>): StoredBlueprint {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) if (!META_KEYS.has(key)) body[key] = value
  return {
    identifier,
    ...body,
    relations: (body.relations ?? {}) as StoredBlueprint['relations'],
    mirrorProperties: (body.mirrorProperties ?? {}) as Record<string, unknown>,
    calculationProperties: (body.calculationProperties ?? {}) as Record<string, unknown>,
    ...meta,
  } as StoredBlueprint
}

function meta (ctx: Ctx, previous: StoredBlueprint): Pick<StoredBlueprint, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> {
  return { createdAt: previous.createdAt, createdBy: previous.createdBy, updatedAt: now(ctx), updatedBy: ctx.actor.userId }
}

function check (ctx: Ctx, blueprint: StoredBlueprint, previous: StoredBlueprint | undefined): void {
  const properties = blueprint.schema.properties
  for (const name of blueprint.schema.required ?? []) {
    if (!(name in properties)) throw errors.invalidRequest(`"schema/required" names "${name}", which is not a property of the blueprint`)
  }
  const seen = new Set(Object.keys(properties))
  for (const map of ['relations', 'mirrorProperties', 'calculationProperties', 'aggregationProperties'] as const) {
    for (const key of Object.keys(blueprint[map] ?? {})) {
      if (seen.has(key)) throw errors.invalidRequest(`"${key}" is defined more than once in the blueprint; identifiers of properties and relations must be unique`)
      seen.add(key)
    }
  }
  for (const [name, relation] of Object.entries(blueprint.relations)) {
    if (relation.target !== blueprint.identifier && !ctx.org.catalog.blueprints.has(relation.target)) {
      throw errors.notFound(`Target blueprint "${relation.target}" of relation "${name}" was not found`)
    }
    const before = previous?.relations[name]
    if (before !== undefined && before.target !== relation.target) {
      throw errors.invalidRequest(`The target of relation "${name}" changed from "${before.target}" to "${relation.target}"`)
    }
  }
  for (const [name, mirror] of Object.entries(blueprint.mirrorProperties)) {
    const first = String((mirror as { path: string }).path).split('.')[0] ?? ''
    if (!(first in blueprint.relations)) throw errors.invalidRequest(`The path of mirror property "${name}" must start with a relation of the blueprint, not "${first}"`)
  }
  for (const [name, definition] of Object.entries(previous?.schema.properties ?? {})) {
    const type = properties[name]?.type
    if (type !== undefined && type !== definition.type) {
      throw errors.invalidRequest(`The type of property "${name}" changed from "${String(definition.type)}" to "${String(type)}"`)
    }
  }
  try {
    propertiesValidator(blueprint)
  } catch (error) {
    throw errors.invalidRequest(`"schema/properties" is not a valid schema: ${(error as Error).message}`)
  }
}

/** Entities lose the values of properties and relations their blueprint no longer defines. */
function dropRemovedValues (ctx: Ctx, previous: StoredBlueprint, next: StoredBlueprint): void {
  const goneProperties = Object.keys(previous.schema.properties).filter((k) => !(k in next.schema.properties))
  const goneRelations = Object.keys(previous.relations).filter((k) => !(k in next.relations))
  if (goneProperties.length === 0 && goneRelations.length === 0) return
  const { catalog } = ctx.org
  for (const entity of [...catalog.entitiesOf(next.identifier)]) {
    if (!goneProperties.some((k) => k in entity.properties) && !goneRelations.some((k) => k in entity.relations)) continue
    catalog.putEntity({ ...entity, properties: without(entity.properties, goneProperties), relations: without(entity.relations, goneRelations) } satisfies StoredEntity)
  }
}

function without<T> (record: Record<string, T>, keys: string[]): Record<string, T> {
  const out = { ...record }
  for (const key of keys) delete out[key]
  return out
}
