// Schemas of action runs: statuses (written once), the run object, PATCH/log/approval bodies and queries.
import { Type, type Static } from '@sinclair/typebox'
import { OpenObject, StringEnum } from './common.js'
import { component } from './components.js'

export const RUN_STATUSES = ['WAITING_FOR_APPROVAL', 'IN_PROGRESS', 'SUCCESS', 'FAILURE', 'DECLINED'] as const
export const RunStatusSchema = StringEnum(RUN_STATUSES)
export type RunStatus = Static<typeof RunStatusSchema>
/** Statuses a run never leaves. */
export const ENDED_STATUSES: ReadonlySet<RunStatus> = new Set(['SUCCESS', 'FAILURE', 'DECLINED'])

/** The statuses a runner may end a run with (PATCH `status`, log `terminationStatus`). */
export const EndStatusSchema = StringEnum(['SUCCESS', 'FAILURE'])

export const RunSourceSchema = StringEnum(['UI', 'API', 'AUTOMATION'])
export type RunSource = Static<typeof RunSourceSchema>

export const VersionQuery = Type.Optional(StringEnum(['v1', 'v2'], { description: 'Shape of the run: v1 (default) or v2' }))

const Ref = Type.Object({
  identifier: Type.String(),
  title: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  icon: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deleted: Type.Optional(Type.Boolean()),
})
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

/**
 * A run in either version: v1 has `action` as a string plus `related*Exists`; v2 has `action` as an object.
 * Every key is optional to the serializer, which then writes them in this order (the seed's); `id`, `status`,
 * `action`, `source`, `properties` and the meta fields are always present, and `GET` lists may `exclude` any.
 */
export const RunSchema = component('Run', Type.Partial(Type.Object({
  id: Type.String({ description: 'r_ + 16 characters' }),
  status: RunStatusSchema,
  statusLabel: Type.Optional(Nullable(Type.String())),
  blueprint: Type.Optional(Ref),
  entity: Type.Optional(Ref),
  action: Type.Unknown({ description: 'v1: the action identifier; v2: {identifier, title, icon, deleted?}' }),
  endedAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  source: RunSourceSchema,
  link: Type.Optional(Type.Array(Type.String())),
  summary: Type.Optional(Type.String()),
  message: Type.Optional(OpenObject),
  externalRunId: Type.Optional(Type.String()),
  relatedEntityExists: Type.Optional(Type.Boolean()),
  relatedBlueprintExists: Type.Optional(Type.Boolean()),
  requiredApproval: Type.Optional(Type.Unknown({ description: 'v2: true, false or {type: ANY|ALL}' })),
  approval: Type.Optional(Type.Unknown({ description: 'v2: {description, userId, state} once decided, else null' })),
  properties: OpenObject,
  payload: Type.Optional(Type.Unknown({ description: 'v2: the invocation Port sent ({type, url, method, headers, body, …}) or null' })),
  response: Type.Optional(Type.Unknown({ description: 'v2: the body a synchronized webhook replied with' })),
  pendingExecution: Type.Optional(Type.Boolean()),
  claimedUntil: Type.Optional(Type.String({ format: 'date-time' })),
  installationId: Type.Optional(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedBy: Type.String(),
  impersonatedBy: Type.Optional(Type.String()),
})))

export const RunResponseSchema = Type.Object({ ok: Type.Literal(true), run: RunSchema })
export const RunsResponseSchema = Type.Object({ ok: Type.Literal(true), runs: Type.Array(RunSchema) })

export const RunLogSchema = component('RunLog', Type.Object({
  id: Type.String({ description: 'log_ + 16 characters' }),
  runId: Type.String(),
  message: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
}))

export const PatchRunBodySchema = component('PatchRunBody', Type.Object({
  status: Type.Optional(EndStatusSchema),
  statusLabel: Type.Optional(Type.String()),
  link: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  summary: Type.Optional(Type.String()),
  externalRunId: Type.Optional(Type.String()),
  message: Type.Optional(OpenObject),
}, { additionalProperties: false }))
export type PatchRunBody = Static<typeof PatchRunBodySchema>

export const RunLogBodySchema = component('RunLogBody', Type.Object({
  message: Type.String(),
  terminationStatus: Type.Optional(EndStatusSchema),
  statusLabel: Type.Optional(Type.String()),
}, { additionalProperties: false }))
export type RunLogBody = Static<typeof RunLogBodySchema>

export const ApprovalBodySchema = component('ApprovalBody', Type.Object({
  status: StringEnum(['APPROVE', 'DECLINE']),
  description: Type.Optional(Type.String()),
}, { additionalProperties: false }))
export type ApprovalBody = Static<typeof ApprovalBodySchema>

export const ApproverSchema = Type.Object({
  userId: Type.String(),
  state: StringEnum(['APPROVED', 'DECLINED', 'PENDING']),
  description: Nullable(Type.String()),
})
export type Approver = Static<typeof ApproverSchema>

export const InvokeBodySchema = component('InvokeBody', Type.Object({
  properties: OpenObject,
  entity: Type.Optional(Type.String()),
}, { additionalProperties: false }))
export type InvokeBody = Static<typeof InvokeBodySchema>

export const ListRunsQuerySchema = Type.Object({
  entity: Type.Optional(Type.String()),
  blueprint: Type.Optional(Type.String()),
  active: Type.Optional(Type.Boolean({ description: 'Only runs that have not ended' })),
  user_email: Type.Optional(Type.String()),
  user_id: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  exclude: Type.Optional(Type.Array(Type.String(), { description: 'Fields to leave out of each run' })),
  external_run_id: Type.Optional(Type.String()),
  version: VersionQuery,
  action: Type.Optional(Type.String()),
  source: Type.Optional(Type.Array(RunSourceSchema)),
})
export type ListRunsQuery = Static<typeof ListRunsQuerySchema>
