// Tying entity writes to runs: a `run_id` write is allowed only while the run is IN_PROGRESS, and every
// write lands in the audit log (with the run, when tied), which is where a run's affected entities come from.
import { audit } from './audit.js'
import type { EntityWriteObserver } from './entity-writes.js'
import { transition } from './run-state.js'
import { getRun } from './runs.js'

export const runTies: EntityWriteObserver = {
  beforeWrite (ctx, runId) {
    if (runId !== undefined) transition(getRun(ctx, runId), 'tie')
  },
  afterWrite (ctx, runId, change) {
    audit(ctx, {
      identifier: change.identifier,
      action: change.action,
      resourceType: 'entity',
      context: { blueprint: change.blueprint, entity: change.identifier, ...(runId !== undefined ? { runId } : {}) },
      diff: { before: change.before, after: change.after },
    })
  },
}
