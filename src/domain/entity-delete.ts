// Entity deletes. Entities with a required relation to a deleted entity are its dependents: they block the delete
// (`has_dependents`) unless `delete_dependents` deletes them too; optional relations to it are cleared instead.
import { errors } from '../errors.js'
import { refKey, type EntityRef, type StoredEntity } from '../store/catalog.js'
import { assertNotRelationTarget, deleteBlueprint, getBlueprint } from './blueprints.js'
import { now, type Ctx } from './context.js'
import { entityNotFound } from './entities.js'
import { WriteBatch } from './write-batch.js'

/** The query options of entity deletes. */
export interface DeleteOptions { deleteDependents: boolean, runId: string | undefined }

/** DELETE …/entities/{id}. */
export function deleteEntity (ctx: Ctx, blueprintId: string, identifier: string, options: DeleteOptions): void {
  getBlueprint(ctx, blueprintId)
  if (ctx.org.catalog.entity(blueprintId, identifier) === undefined) throw entityNotFound(blueprintId, identifier)
  const batch = new WriteBatch(ctx, options.runId)
  stageDeletes(ctx, batch, [{ blueprint: blueprintId, identifier }], options.deleteDependents)
  batch.commit()
}

/** POST …/bulk/entities/delete: all or nothing; identifiers that do not exist are skipped. Returns those deleted. */
export function bulkDeleteEntities (ctx: Ctx, blueprintId: string, identifiers: string[], options: DeleteOptions): string[] {
  getBlueprint(ctx, blueprintId)
  const present = [...new Set(identifiers)].filter((id) => ctx.org.catalog.entity(blueprintId, id) !== undefined)
  const batch = new WriteBatch(ctx, options.runId)
  stageDeletes(ctx, batch, present.map((identifier) => ({ blueprint: blueprintId, identifier })), options.deleteDependents)
  batch.commit()
  return present
}

/** DELETE …/all-entities: every entity of the blueprint (refused when other blueprints' entities require one), then optionally the blueprint. */
export function deleteAllEntities (ctx: Ctx, blueprintId: string, options: { deleteBlueprint: boolean, runId: string | undefined }): void {
  getBlueprint(ctx, blueprintId)
  if (options.deleteBlueprint) assertNotRelationTarget(ctx, blueprintId)
  const refs = [...ctx.org.catalog.entitiesOf(blueprintId)].map(({ identifier }) => ({ blueprint: blueprintId, identifier }))
  const batch = new WriteBatch(ctx, options.runId)
  stageDeletes(ctx, batch, refs, false)
  batch.commit()
  if (options.deleteBlueprint) deleteBlueprint(ctx, blueprintId)
}

/** Stages the deletes of `refs` (and, with `cascade`, of their dependents, transitively) and clears optional relations to them. */
function stageDeletes (ctx: Ctx, batch: WriteBatch, refs: EntityRef[], cascade: boolean): void {
  const { catalog } = ctx.org
  const doomed = new Map<string, EntityRef>(refs.map((ref) => [refKey(ref.blueprint, ref.identifier), ref]))
  const queue = [...refs]
  for (let ref = queue.shift(); ref !== undefined; ref = queue.shift()) {
    for (const edge of catalog.edgesTo(ref.blueprint, ref.identifier)) {
      const key = refKey(edge.from.blueprint, edge.from.identifier)
      if (doomed.has(key) || catalog.blueprints.get(edge.from.blueprint)?.relations[edge.relation]?.required !== true) continue
      if (!cascade) {
        throw errors.hasDependents(`Entity "${ref.identifier}" of blueprint "${ref.blueprint}" has dependent entities (such as "${edge.from.identifier}" of blueprint "${edge.from.blueprint}", relation "${edge.relation}"); delete them first or set delete_dependents=true`)
      }
      doomed.set(key, edge.from)
      queue.push(edge.from)
    }
  }
  for (const ref of doomed.values()) batch.delete(ref.blueprint, ref.identifier)
  for (const entity of referrers(ctx, doomed)) batch.put(entity)
}

/** The surviving entities whose optional relations point at a doomed entity, with those values cleared. */
function referrers (ctx: Ctx, doomed: Map<string, EntityRef>): StoredEntity[] {
  const { catalog } = ctx.org
  const touched = new Map<string, StoredEntity>()
  for (const ref of doomed.values()) {
    for (const edge of catalog.edgesTo(ref.blueprint, ref.identifier)) {
      const key = refKey(edge.from.blueprint, edge.from.identifier)
      if (doomed.has(key)) continue
      const entity = touched.get(key) ?? catalog.entity(edge.from.blueprint, edge.from.identifier)
      if (entity === undefined) continue
      const value = entity.relations[edge.relation]
      const cleared = Array.isArray(value) ? value.filter((id) => id !== ref.identifier) : null
      touched.set(key, { ...entity, relations: { ...entity.relations, [edge.relation]: cleared }, updatedAt: now(ctx), updatedBy: ctx.actor.userId })
    }
  }
  return [...touched.values()]
}
