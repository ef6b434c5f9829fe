// Approving or declining a run that waits for approval, and listing who did.
import { errors } from '../errors.js'
import type { ApprovalBody, Approver } from '../schemas/run.js'
import type { StoredRun } from '../store/runs.js'
import { now, type Ctx } from './context.js'
import { transition } from './run-state.js'
import { applyStatus, auditRun, copyOf, getRun } from './runs.js'

/**
 * PATCH /v1/actions/runs/{id}/approval. DECLINE ends the run as DECLINED. APPROVE starts it, unless the action
 * requires ALL approvers and some of the organization's users have not approved yet.
 */
export function decide (ctx: Ctx, runId: string, body: ApprovalBody): StoredRun {
  const run = getRun(ctx, runId)
  const next = transition(run, body.status === 'APPROVE' ? 'approve' : 'decline')
  if (run.approvals.some((a) => a.userId === ctx.actor.userId)) {
    throw errors.runStateConflict(`${ctx.actor.userId} has already decided on run ${run.id}`)
  }
  const before = copyOf(run)
  run.approvals = [...run.approvals, { userId: ctx.actor.userId, state: body.status === 'APPROVE' ? 'APPROVED' : 'DECLINED', description: body.description ?? null, at: now(ctx) }]
  const complete = body.status === 'DECLINE' || pendingApprovers(ctx, run).length === 0 || !requiresAll(run)
  if (complete) applyStatus(ctx, run, next)
  else run.updatedAt = now(ctx)
  ctx.org.runs.updated(run, run.externalRunId)
  auditRun(ctx, run, before)
  if (run.status === 'IN_PROGRESS') {
    const action = ctx.org.actions.get(run.action.identifier)
    if (action !== undefined) ctx.emulator.runListener.started(ctx, run, action)
  }
  return run
}

/** Who decided (and, with `includePending`, the organization's users who have not). */
export function approvers (ctx: Ctx, runId: string, includePending: boolean): Approver[] {
  const run = getRun(ctx, runId)
  const decided = run.approvals.map(({ userId, state, description }) => ({ userId, state, description }))
  if (!includePending) return decided
  return [...decided, ...pendingApprovers(ctx, run).map((userId) => ({ userId, state: 'PENDING' as const, description: null }))]
}

function requiresAll (run: StoredRun): boolean {
  return typeof run.requiredApproval === 'object' && run.requiredApproval.type === 'ALL'
}

function pendingApprovers (ctx: Ctx, run: StoredRun): string[] {
  if (run.status !== 'WAITING_FOR_APPROVAL') return []
  return ctx.org.org.users.map((u) => u.id).filter((id) => !run.approvals.some((a) => a.userId === id))
}
