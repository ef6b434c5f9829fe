// One request's entity changes, staged and then applied together: reads see the staged state, and commit
// asks the write observer once before changing anything, then reports each change after applying it.
import { refKey, type StoredEntity } from '../store/catalog.js'
import type { Ctx } from './context.js'
import type { EntityChange } from './entity-writes.js'

interface Op { blueprint: string, identifier: string, after: StoredEntity | null }

/** Stages the entity changes of one write request; nothing reaches the store before `commit`. */
export class WriteBatch {
  private readonly staged = new Map<string, StoredEntity | null>()
  private readonly ops: Op[] = []

  constructor (private readonly ctx: Ctx, private readonly runId: string | undefined) {}

  /** The entity as this batch would leave it (staged changes first, then the store). */
  current (blueprint: string, identifier: string): StoredEntity | undefined {
    const staged = this.staged.get(refKey(blueprint, identifier))
    if (staged !== undefined) return staged ?? undefined
    return this.ctx.org.catalog.entity(blueprint, identifier)
  }

  /** Whether this batch deletes the entity. */
  deletes (blueprint: string, identifier: string): boolean {
    return this.staged.get(refKey(blueprint, identifier)) === null
  }

  put (entity: StoredEntity): void {
    this.stage({ blueprint: entity.blueprint, identifier: entity.identifier, after: entity })
  }

  delete (blueprint: string, identifier: string): void {
    this.stage({ blueprint, identifier, after: null })
  }

  /** Asks the observer (it may refuse the whole write), applies every staged change in order, reports each one. */
  commit (): EntityChange[] {
    const { emulator, org } = this.ctx
    emulator.entityWrites.beforeWrite(this.ctx, this.runId)
    const changes: EntityChange[] = []
    for (const op of this.ops) {
      const before = org.catalog.entity(op.blueprint, op.identifier) ?? null
      if (op.after === null) {
        if (before === null) continue
        org.catalog.deleteEntity(op.blueprint, op.identifier)
      } else {
        org.catalog.putEntity(op.after)
      }
      const change: EntityChange = {
        action: op.after === null ? 'DELETE' : before === null ? 'CREATE' : 'UPDATE',
        blueprint: op.blueprint,
        identifier: op.identifier,
        before,
        after: op.after,
      }
      changes.push(change)
      emulator.entityWrites.afterWrite(this.ctx, this.runId, change)
    }
    return changes
  }

  private stage (op: Op): void {
    this.staged.set(refKey(op.blueprint, op.identifier), op.after)
    this.ops.push(op)
  }
}
