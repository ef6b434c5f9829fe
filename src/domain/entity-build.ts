// Builds the entity a write would store (replace or merge semantics), validated against its blueprint:
// properties through the compiled schema, relations by key, shape, `required` and existing targets.
import { errors } from '../errors.js'
import type { EntityInput } from '../schemas/entities.js'
import { refKey, type StoredBlueprint, type StoredEntity } from '../store/catalog.js'
import { now, type Ctx } from './context.js'
import { propertiesValidator } from './property-schema.js'
import { describeDataError } from './json-schema.js'
import type { WriteBatch } from './write-batch.js'

/** `replace` keeps only what the body gives; `merge` updates the given fields of the existing entity. */
export type WriteMode = 'replace' | 'merge'

/** The entity to store, plus barebones related entities to create first. */
export interface PlannedEntity { entity: StoredEntity, stubs: StoredEntity[] }

type Relations = StoredEntity['relations']

/** Builds and validates the entity `identifier` would become; throws 422/404 and stages nothing. */
export function planEntity (
  ctx: Ctx, batch: WriteBatch, blueprint: StoredBlueprint, identifier: string,
  input: EntityInput, existing: StoredEntity | undefined, mode: WriteMode, createMissing: boolean
): PlannedEntity {
  const merge = mode === 'merge' && existing !== undefined
  const at = now(ctx)
  const entity: StoredEntity = {
    identifier,
    title: input.title !== undefined ? input.title : merge ? existing.title : null,
    icon: input.icon !== undefined ? input.icon : merge ? existing.icon : null,
    blueprint: blueprint.identifier,
    team: input.team !== undefined ? teamOf(input.team) : merge ? existing.team : [],
    properties: merge ? { ...known(structuredClone(existing.properties), blueprint.schema.properties), ...input.properties } : { ...input.properties },
    relations: merge ? { ...known(existing.relations, blueprint.relations), ...input.relations as Relations } : { ...input.relations as Relations },
    createdAt: existing?.createdAt ?? at,
    createdBy: existing?.createdBy ?? ctx.actor.userId,
    updatedAt: at,
    updatedBy: ctx.actor.userId,
  }
  validateProperties(blueprint, entity.properties)
  const stubs = checkRelations(ctx, batch, blueprint, entity, createMissing)
  return { entity, stubs }
}

/** The identifier a body names: a string, or (not supported) a search query. */
export function identifierOf (input: EntityInput): string | undefined {
  const { identifier } = input
  if (identifier === undefined || typeof identifier === 'string') return identifier
  throw errors.invalidRequest('"identifier" given as a search query is not supported by the emulator; give the identifier itself')
}

function teamOf (team: unknown): string[] {
  if (team === null) return []
  if (typeof team === 'string') return [team]
  if (Array.isArray(team)) return [...team as string[]]
  throw errors.invalidRequest('"team" given as a search query is not supported by the emulator; give team names')
}

function validateProperties (blueprint: StoredBlueprint, properties: Record<string, unknown>): void {
  const validate = propertiesValidator(blueprint)
  if (!validate(properties)) throw errors.invalidRequest(describeDataError(validate.errors?.[0], 'properties'))
}

function checkRelations (ctx: Ctx, batch: WriteBatch, blueprint: StoredBlueprint, entity: StoredEntity, createMissing: boolean): StoredEntity[] {
  const { relations } = entity
  const stubs = new Map<string, StoredEntity>()
  stubs.set(refKey(entity.blueprint, entity.identifier), entity) // an entity may relate to itself
  for (const [name, value] of Object.entries(relations)) {
    const relation = blueprint.relations[name]
    if (relation === undefined) throw errors.notFound(`Relation "${name}" was not found in blueprint "${blueprint.identifier}"`)
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      throw errors.invalidRequest(`"relations/${name}" given as a search query is not supported by the emulator; give identifiers`)
    }
    if (value !== null && relation.many === true && !Array.isArray(value)) throw errors.invalidRequest(`"relations/${name}" must be of type array`)
    if (value !== null && relation.many !== true && typeof value !== 'string') throw errors.invalidRequest(`"relations/${name}" must be of type string`)
    for (const target of value === null ? [] : typeof value === 'string' ? [value] : value) {
      if (batch.current(relation.target, target) !== undefined || stubs.has(refKey(relation.target, target))) continue
      if (!createMissing) {
        throw errors.notFound(`Related entity "${target}" of blueprint "${relation.target}" (relation "${name}") was not found`)
      }
      stubs.set(refKey(relation.target, target), stub(ctx, relation.target, target))
    }
  }
  for (const [name, relation] of Object.entries(blueprint.relations)) {
    const value = relations[name]
    if (relation.required === true && (value === undefined || value === null || (Array.isArray(value) && value.length === 0))) {
      throw errors.invalidRequest(`"relations/${name}" is required`)
    }
  }
  stubs.delete(refKey(entity.blueprint, entity.identifier))
  return [...stubs.values()]
}

/** A barebones entity for `create_missing_related_entities`: identifier only, property defaults applied. */
function stub (ctx: Ctx, blueprintId: string, identifier: string): StoredEntity {
  const blueprint = ctx.org.catalog.blueprints.get(blueprintId)
  if (blueprint === undefined || blueprintId.startsWith('_')) {
    throw errors.invalidRequest(`Cannot create missing related entity "${identifier}" in blueprint "${blueprintId}"`)
  }
  const properties: Record<string, unknown> = {}
  const validate = propertiesValidator(blueprint)
  const required = Object.entries(blueprint.relations).find(([, relation]) => relation.required === true)
  if (!validate(properties) || required !== undefined) {
    const why = required !== undefined ? `"relations/${required[0]}" is required` : describeDataError(validate.errors?.[0], 'properties')
    throw errors.invalidRequest(`Cannot create missing related entity "${identifier}" of blueprint "${blueprintId}": ${why}`)
  }
  const at = now(ctx)
  const by = ctx.actor.userId
  return { identifier, title: null, icon: null, blueprint: blueprintId, team: [], properties, relations: {}, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by }
}

/** The entries whose key the blueprint still defines (values of removed definitions are dropped on merge). */
function known<T> (values: Record<string, T>, definitions: Record<string, unknown>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [key, value] of Object.entries(values)) if (key in definitions) out[key] = value
  return out
}
