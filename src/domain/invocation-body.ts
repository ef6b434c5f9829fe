// The run message Port sends to a runner when a run is triggered (the seed's "action invocation body").
import type { StoredAction } from '../store/actions.js'
import type { StoredEntity } from '../store/catalog.js'
import type { StoredRun } from '../store/runs.js'
import { currentView, legacyView } from './action-views.js'

/**
 * The invocation body of `run`, exactly as the seed shows it: `action`, `resourceType`, `status: TRIGGERED`,
 * `trigger`, `context {entity, blueprint, runId}` and `payload {entity, action, properties}`.
 */
export function invocationBody (action: StoredAction, run: StoredRun, entity: StoredEntity | null): Record<string, unknown> {
  return {
    action: run.action.identifier,
    resourceType: 'run',
    status: 'TRIGGERED',
    trigger: run.trigger,
    context: {
      entity: run.entity?.identifier ?? null,
      blueprint: run.blueprint?.identifier ?? null,
      runId: run.id,
    },
    payload: {
      entity: entity === null ? null : entityPayloadView(entity),
      action: action.legacy ? legacyView(action) : { id: action.id, ...currentView(action) },
      properties: run.properties,
    },
  }
}

/** The entity as the seed's DAY-2 body carries it: `team` only when the entity has one. */
export function entityPayloadView (entity: StoredEntity): Record<string, unknown> {
  const { team, ...rest } = entity
  return team.length > 0 ? { ...rest, team } : rest
}
