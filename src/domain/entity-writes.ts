// The one hook point of every entity write: it may refuse a write tied to a run, and it hears every change.
import type { Ctx } from './context.js'

/** One change to one entity, as the audit log and a run's affected entities record it. */
export interface EntityChange {
  action: 'CREATE' | 'UPDATE' | 'DELETE'
  blueprint: string
  identifier: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/**
 * Observes entity writes. The catalog calls `beforeWrite` once per request before changing anything
 * (it throws an ApiError to refuse the whole write), then `afterWrite` once per changed entity.
 */
export interface EntityWriteObserver {
  beforeWrite(ctx: Ctx, runId: string | undefined): void
  afterWrite(ctx: Ctx, runId: string | undefined, change: EntityChange): void
}
