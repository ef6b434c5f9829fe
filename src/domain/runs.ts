// Invoking actions (creating runs), reading and listing runs, and the runner's PATCH.
import { errors } from '../errors.js'
import type { InvokeBody, ListRunsQuery, PatchRunBody, RunSource } from '../schemas/run.js'
import type { StoredRun } from '../store/runs.js'
import { validateInputs } from './action-inputs.js'
import { getAction, getLegacyAction } from './actions.js'
import { audit } from './audit.js'
import { now, type Ctx } from './context.js'
import { transition } from './run-state.js'
import { runView, type RunView } from './run-views.js'

export interface InvokeOptions {
  /** Email of the org user to run as (`run_as`). */
  runAs?: string
  /** The legacy routes name the blueprint (and entity) in the path. */
  blueprint?: string
  source?: RunSource
}

/** Creates a run of `actionId`: IN_PROGRESS, or WAITING_FOR_APPROVAL when the action requires approval. */
export function invoke (ctx: Ctx, actionId: string, body: InvokeBody, options: InvokeOptions = {}): StoredRun {
  const action = options.blueprint === undefined ? getAction(ctx, actionId) : getLegacyAction(ctx, options.blueprint, actionId)
  const trigger = action.trigger
  if (trigger.type !== 'self-service') throw errors.invalidRequest(`Action "${actionId}" is an automation; it runs on its trigger event, not on request`)
  const blueprint = trigger.blueprintIdentifier === undefined ? undefined : ctx.org.catalog.blueprints.get(trigger.blueprintIdentifier)
  const entity = entityOf(ctx, trigger.operation, trigger.blueprintIdentifier, body.entity)
  const user = runAsUser(ctx, options.runAs)
  const properties = structuredClone(body.properties)
  validateInputs(trigger.userInputs, properties, ctx.org.catalog)
  const at = now(ctx)
  const createdBy = user?.id ?? ctx.actor.userId
  const requiredApproval = action.requiredApproval ?? false
  const run: StoredRun = {
    id: ctx.emulator.ids.run(),
    status: requiredApproval === false ? 'IN_PROGRESS' : 'WAITING_FOR_APPROVAL',
    statusLabel: null,
    action: { identifier: action.identifier, title: action.title ?? null, icon: action.icon ?? null },
    blueprint: blueprint === undefined ? null : { identifier: blueprint.identifier, title: blueprint.title, icon: blueprint.icon ?? null },
    entity: entity === undefined ? null : { identifier: entity.identifier, title: entity.title, icon: entity.icon },
    properties,
    source: options.source ?? 'API',
    requiredApproval,
    approvals: [],
    payload: null,
    endedAt: null,
    createdAt: at,
    updatedAt: at,
    createdBy,
    updatedBy: createdBy,
    ...(user !== undefined ? { impersonatedBy: ctx.actor.userId } : {}),
    trigger: {
      by: {
        orgId: ctx.org.org.id,
        userId: createdBy,
        user: { email: user?.email ?? ctx.actor.email ?? null, firstName: user?.firstName ?? null, lastName: user?.lastName ?? null, id: createdBy },
      },
      origin: options.source ?? 'API',
      at,
    },
  }
  ctx.org.runs.add(run)
  auditRun(ctx, run, null)
  if (run.status === 'IN_PROGRESS') ctx.emulator.runListener.started(ctx, run, action)
  return run
}

/** The run `runId` of the caller's organization, or 404 (runs of other organizations do not exist for it). */
export function getRun (ctx: Ctx, runId: string): StoredRun {
  const run = ctx.org.runs.get(runId)
  if (run === undefined) throw errors.notFound(`Run with id "${runId}" was not found`)
  return run
}

/** GET /v1/actions/runs: every filter ANDed, newest first. */
export function listRuns (ctx: Ctx, q: ListRunsQuery): RunView[] {
  const runs = ctx.org.runs.list({
    entity: q.entity,
    blueprint: q.blueprint,
    action: q.action,
    userId: q.user_id,
    userEmail: q.user_email,
    externalRunId: q.external_run_id,
    sources: q.source,
    active: q.active,
  }, q.limit ?? 1000)
  const exclude = q.exclude ?? []
  return runs.map((run) => {
    const view = runView(ctx.org, run, q.version)
    for (const field of exclude) delete (view as Record<string, unknown>)[field]
    return view
  })
}

/** PATCH /v1/actions/runs/{id}: each given key overrides the previous value; `status` ends the run. */
export function patchRun (ctx: Ctx, runId: string, body: PatchRunBody): StoredRun {
  const run = getRun(ctx, runId)
  const next = transition(run, body.status === undefined ? 'update' : `finish:${body.status}`)
  const before = copyOf(run)
  const previousExternalRunId = run.externalRunId
  if (body.statusLabel !== undefined) run.statusLabel = body.statusLabel
  if (body.link !== undefined) run.link = [body.link].flat()
  if (body.summary !== undefined) run.summary = body.summary
  if (body.externalRunId !== undefined) run.externalRunId = body.externalRunId
  if (body.message !== undefined) run.message = body.message
  applyStatus(ctx, run, next)
  ctx.org.runs.updated(run, previousExternalRunId)
  auditRun(ctx, run, before)
  return run
}

/** A copy of the run as it is now, for the audit log (the fields changes replace are never mutated in place). */
export function copyOf (run: StoredRun): StoredRun {
  return { ...run }
}

/**
 * Records a run's creation (`before` null) or change. The copies are kept as they are; the audit log shows
 * them in the v2 shape when read, so a busy runner's PATCHes cost no extra views.
 */
export function auditRun (ctx: Ctx, run: StoredRun, before: StoredRun | null): void {
  audit(ctx, { identifier: run.id, action: before === null ? 'CREATE' : 'UPDATE', resourceType: 'run', context: runContext(run), diff: { before, after: copyOf(run) } })
}

/** Moves `run` to `status`, stamping `endedAt` when it ends, and `updatedAt`/`updatedBy` always. */
export function applyStatus (ctx: Ctx, run: StoredRun, status: StoredRun['status']): void {
  const at = now(ctx)
  if (status !== run.status && (status === 'SUCCESS' || status === 'FAILURE' || status === 'DECLINED')) run.endedAt = at
  run.status = status
  run.updatedAt = at
  run.updatedBy = ctx.actor.userId
}

export function runContext (run: StoredRun): { runId: string, action: string, blueprint?: string, entity?: string } {
  return {
    runId: run.id,
    action: run.action.identifier,
    ...(run.blueprint !== null ? { blueprint: run.blueprint.identifier } : {}),
    ...(run.entity !== null ? { entity: run.entity.identifier } : {}),
  }
}

function entityOf (ctx: Ctx, operation: string, blueprint: string | undefined, identifier: string | undefined) {
  if (operation === 'CREATE') {
    if (identifier !== undefined && identifier !== '') throw errors.invalidRequest('body/entity must not be set: CREATE actions do not run on an existing entity')
    return undefined
  }
  if (identifier === undefined || identifier === '') throw errors.invalidRequest(`body/entity is required: ${operation} actions run on an existing entity`)
  const entity = blueprint === undefined ? undefined : ctx.org.catalog.entity(blueprint, identifier)
  if (entity === undefined) throw errors.notFound(`Entity with identifier "${identifier}" was not found in blueprint "${blueprint ?? ''}"`)
  return entity
}

function runAsUser (ctx: Ctx, email: string | undefined) {
  if (email === undefined) return undefined
  const user = ctx.org.org.users.find((u) => u.email.toLowerCase() === email.toLowerCase())
  if (user === undefined) throw errors.notFound(`User with email "${email}" was not found in the organization`)
  return user
}
