// Run logs: plain messages, and the one termination log that ends a run.
import type { RunLogBody } from '../schemas/run.js'
import type { StoredLog } from '../store/runs.js'
import { now, type Ctx } from './context.js'
import { transition } from './run-state.js'
import { applyStatus, auditRun, copyOf, getRun } from './runs.js'

/** POST /v1/actions/runs/{id}/logs. A `terminationStatus` ends the run; only one can ever be accepted. */
export function addLog (ctx: Ctx, runId: string, body: RunLogBody): StoredLog {
  const run = getRun(ctx, runId)
  const next = transition(run, body.terminationStatus === undefined ? 'log' : `finish:${body.terminationStatus}`)
  const log: StoredLog = { id: ctx.emulator.ids.log(), runId: run.id, message: body.message, createdAt: now(ctx), createdBy: ctx.actor.userId }
  ctx.org.runs.addLog(log)
  if (body.statusLabel === undefined && body.terminationStatus === undefined) return log
  const before = copyOf(run)
  if (body.statusLabel !== undefined) run.statusLabel = body.statusLabel
  applyStatus(ctx, run, next)
  ctx.org.runs.updated(run, run.externalRunId)
  auditRun(ctx, run, before)
  return log
}

/** GET /v1/actions/runs/{id}/logs: oldest first, `limit` from `offset`. */
export function listLogs (ctx: Ctx, runId: string, limit = 50, offset = 0): StoredLog[] {
  const run = getRun(ctx, runId)
  return ctx.org.runs.logsOf(run.id).slice(offset, offset + limit)
}
