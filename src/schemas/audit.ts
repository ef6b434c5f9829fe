// Schemas of GET /v1/audit-log.
import { Type } from '@sinclair/typebox'
import { StringEnum } from './common.js'
import { component } from './components.js'

const Resource = StringEnum(['blueprint', 'entity', 'run', 'webhook', 'scorecard', 'action', 'integration'])

export const AuditQuerySchema = Type.Object({
  identifier: Type.Optional(Type.String()),
  entity: Type.Optional(Type.String()),
  blueprint: Type.Optional(Type.String()),
  run_id: Type.Optional(Type.String()),
  resources: Type.Optional(Type.Union([Type.Array(Resource), Resource])),
  includes: Type.Optional(Type.Array(StringEnum(['action', 'context', 'diff', 'identifier', 'resourceType', 'status', 'trigger', 'additionalData', 'message']))),
  origin: Type.Optional(Type.Array(Type.String())),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  action: Type.Optional(StringEnum(['CREATE', 'UPDATE', 'DELETE'])),
  status: Type.Optional(StringEnum(['SUCCESS', 'FAILURE'])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
})

export const AuditRecordSchema = component('AuditRecord', Type.Object({
  identifier: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  resourceType: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  trigger: Type.Optional(Type.Unknown()),
  context: Type.Optional(Type.Unknown()),
  diff: Type.Optional(Type.Unknown()),
}))

export const AuditResponseSchema = Type.Object({ ok: Type.Literal(true), audits: Type.Array(AuditRecordSchema) })
