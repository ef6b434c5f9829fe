// Entity reads and writes with Port's upsert semantics: create (409 when taken), upsert (replace), upsert+merge,
// PUT (replace), PATCH (merge) and bulk create with per-item errors. Every write goes through one WriteBatch.
import { ApiError, errors } from '../errors.js'
import type { EntityInput } from '../schemas/entities.js'
import type { StoredBlueprint, StoredEntity } from '../store/catalog.js'
import { getBlueprint } from './blueprints.js'
import type { Ctx } from './context.js'
import { identifierOf, planEntity } from './entity-build.js'
import { WriteBatch } from './write-batch.js'

/** The query options of POST …/entities and …/entities/bulk. */
export interface CreateOptions {
  upsert: boolean
  merge: boolean
  validationOnly: boolean
  createMissing: boolean
  runId: string | undefined
}

/** The query options of PUT and PATCH. */
export interface UpdateOptions { createMissing: boolean, runId: string | undefined }

/** One item's outcome in a bulk create. */
export interface BulkItemResult { identifier: string, index: number, created: boolean }
/** One item's failure in a bulk create, as Port lists it under `errors`. */
export interface BulkItemError { identifier: string, index: number, statusCode: number, error: string, message: string }

/** The entity, or 404 (also when the blueprint does not exist). */
export function getEntity (ctx: Ctx, blueprintId: string, identifier: string): StoredEntity {
  getBlueprint(ctx, blueprintId)
  const entity = ctx.org.catalog.entity(blueprintId, identifier)
  if (entity === undefined) throw entityNotFound(blueprintId, identifier)
  return entity
}

/** How many entities the blueprint has (404 when it does not exist). */
export function countEntities (ctx: Ctx, blueprintId: string): number {
  getBlueprint(ctx, blueprintId)
  return ctx.org.catalog.countOf(blueprintId)
}

/** POST …/entities: create, or with `upsert` replace (or merge) an existing entity. */
export function createEntity (ctx: Ctx, blueprintId: string, input: EntityInput, options: CreateOptions): { entity: StoredEntity, created: boolean } {
  const blueprint = getBlueprint(ctx, blueprintId)
  const batch = new WriteBatch(ctx, options.runId)
  const result = stageUpsert(ctx, batch, blueprint, input, options)
  if (!options.validationOnly) batch.commit()
  return result
}

/** POST …/entities/bulk: each item as `createEntity` would; failures are reported per item, the rest is written. */
export function bulkCreateEntities (ctx: Ctx, blueprintId: string, inputs: EntityInput[], options: CreateOptions): { entities: BulkItemResult[], errors: BulkItemError[] } {
  const blueprint = getBlueprint(ctx, blueprintId)
  const batch = new WriteBatch(ctx, options.runId)
  const entities: BulkItemResult[] = []
  const failures: BulkItemError[] = []
  inputs.forEach((input, index) => {
    try {
      const { entity, created } = stageUpsert(ctx, batch, blueprint, input, options)
      entities.push({ identifier: entity.identifier, index, created })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      const identifier = typeof input.identifier === 'string' ? input.identifier : 'unknown'
      failures.push({ identifier, index, statusCode: error.statusCode, error: error.error, message: error.message })
    }
  })
  if (!options.validationOnly) batch.commit()
  return { entities, errors: failures }
}

/** PUT: replaces an existing entity (404 when it does not exist). */
export function replaceEntity (ctx: Ctx, blueprintId: string, identifier: string, input: EntityInput, options: UpdateOptions): StoredEntity {
  return update(ctx, blueprintId, identifier, input, options, 'replace')
}

/** PATCH: updates the given fields of an existing entity (404 when it does not exist). */
export function patchEntity (ctx: Ctx, blueprintId: string, identifier: string, input: EntityInput, options: UpdateOptions): StoredEntity {
  return update(ctx, blueprintId, identifier, input, options, 'merge')
}

/** The 404 of a missing entity. */
export function entityNotFound (blueprintId: string, identifier: string): ApiError {
  return errors.notFound(`Entity with identifier "${identifier}" was not found in blueprint "${blueprintId}"`)
}

function update (ctx: Ctx, blueprintId: string, identifier: string, input: EntityInput, options: UpdateOptions, mode: 'replace' | 'merge'): StoredEntity {
  const blueprint = getBlueprint(ctx, blueprintId)
  const existing = ctx.org.catalog.entity(blueprintId, identifier)
  if (existing === undefined) throw entityNotFound(blueprintId, identifier)
  const given = identifierOf(input)
  if (given !== undefined && given !== identifier) {
    throw errors.invalidRequest(`"identifier" (${given}) differs from the entity in the path (${identifier}); identifiers cannot be changed`)
  }
  const batch = new WriteBatch(ctx, options.runId)
  const { entity, stubs } = planEntity(ctx, batch, blueprint, identifier, input, existing, mode, options.createMissing)
  for (const created of stubs) batch.put(created)
  batch.put(entity)
  batch.commit()
  return entity
}

function stageUpsert (ctx: Ctx, batch: WriteBatch, blueprint: StoredBlueprint, input: EntityInput, options: CreateOptions): { entity: StoredEntity, created: boolean } {
  const identifier = identifierOf(input) ?? ctx.emulator.ids.entity()
  const existing = batch.current(blueprint.identifier, identifier)
  if (existing !== undefined && !options.upsert) {
    throw errors.identifierTaken(`An entity with identifier "${identifier}" already exists in blueprint "${blueprint.identifier}"`)
  }
  const mode = options.merge ? 'merge' : 'replace'
  const { entity, stubs } = planEntity(ctx, batch, blueprint, identifier, input, existing, mode, options.createMissing)
  for (const created of stubs) batch.put(created)
  batch.put(entity)
  return { entity, created: existing === undefined }
}
