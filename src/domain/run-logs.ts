// Run logs: plain messages, and the one termination log that ends a run.
import type { RunLogBody } from '../schemas/run.js'
import type { StoredLog } from '../store/runs.js'
import { audit } from './audit.js'
import { now, type Ctx } from './context.js'
import { transition } from './run-state.js'
import { applyStatus, getRun, runContext } from './runs.js'
import { runView } from './run-views.js'

/** POST /v1/actions/runs/{id}/logs. A `terminationStatus` ends the run; only one can ever be accepted. */
export function addLog (ctx: Ctx, runId: string, body: RunLogBody): StoredLog {
  const run = getRun(ctx, runId)
  const next = transition(run, body.terminationStatus === undefined ? 'log' : `finish:${body.terminationStatus}`)
  const log: StoredLog = { id: ctx.emulator.ids.log(), runId: run.id, message: body.message, createdAt: now(ctx), createdBy: ctx.actor.userId }
  ctx.org.runs.addLog(log)
  if (body.statusLabel === undefined && body.terminationStatus === undefined) return log
  const before = runView(ctx.org, run, 'v2')
  if (body.statusLabel !== undefined) run.statusLabel = body.statusLabel
  applyStatus(ctx, run, next)
  ctx.org.runs.updated(run, run.externalRunId)
  audit(ctx, { identifier: run.id, action: 'UPDATE', resourceType: 'run', context: runContext(run), diff: { before, after: runView(ctx.org, run, 'v2') } })
  return log
}

/** GET /v1/actions/runs/{id}/logs: oldest first, `limit` from `offset`. */
export function listLogs (ctx: Ctx, runId: string, limit = 50, offset = 0): StoredLog[] {
  const run = getRun(ctx, runId)
  return ctx.org.runs.logsOf(run.id).slice(offset, offset + limit)
}
