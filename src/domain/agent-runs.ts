// The internal run routes Port's execution agent and Ocean use: claim pending runs, acknowledge, report a response.
import { errors } from '../errors.js'
import type { StoredRun } from '../store/runs.js'
import { now, type Ctx } from './context.js'
import { transition } from './run-state.js'
import { getRun } from './runs.js'

/** How long a claim keeps a run from other claimers when the claimer names no `visibilityTimeoutMs`. */
export const DEFAULT_VISIBILITY_MS = 60_000

export interface ClaimRequest { installationId: string, limit?: number, visibilityTimeoutMs?: number, invocationMethod?: string }

/**
 * Leases up to `limit` runs waiting for an agent: never-claimed ones and those whose lease ran out without an
 * acknowledgement. Integration actions go only to their own installation.
 */
export function claimPending (ctx: Ctx, request: ClaimRequest): StoredRun[] {
  const nowMs = ctx.emulator.clock.now()
  const until = new Date(nowMs + (request.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_MS)).toISOString()
  const claimed: StoredRun[] = []
  for (const run of ctx.org.runs.pending) {
    if (claimed.length >= (request.limit ?? 20)) break
    if (run.claimedUntil !== undefined && Date.parse(run.claimedUntil) > nowMs) continue
    const type = run.payload?.type
    if (type === 'INTEGRATION_ACTION' && run.payload?.installationId !== request.installationId) continue
    if (request.invocationMethod !== undefined && type !== request.invocationMethod) continue
    transition(run, 'claim')
    run.claimedUntil = until
    run.installationId = request.installationId
    claimed.push(run)
  }
  return claimed
}

/** Acknowledges claimed runs; returns how many were newly acknowledged. `strict`: 409 for one already acknowledged. */
export function acknowledge (ctx: Ctx, runIds: string[], strict: boolean): number {
  let count = 0
  for (const runId of runIds) {
    const run = strict ? getRun(ctx, runId) : ctx.org.runs.get(runId)
    if (run === undefined) continue
    if (run.pendingExecution !== true) {
      if (strict) throw errors.alreadyAcknowledged(`Run ${run.id} was already acknowledged`)
      continue
    }
    transition(run, 'ack')
    run.pendingExecution = false
    run.updatedAt = now(ctx)
    ctx.org.runs.updated(run, run.externalRunId)
    count++
  }
  return count
}

/** PATCH /v1/actions/runs/{id}/response: the body a synchronized webhook answered with. */
export function setResponse (ctx: Ctx, runId: string, response: unknown): StoredRun {
  const run = getRun(ctx, runId)
  transition(run, 'respond')
  run.response = response
  run.updatedAt = now(ctx)
  run.updatedBy = ctx.actor.userId
  return run
}
