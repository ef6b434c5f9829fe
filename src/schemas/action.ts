// Schemas of actions, both generations: current (/v1/actions) and legacy blueprint-scoped ones.
import { Type, type Static } from '@sinclair/typebox'
import { OpenObject, StringEnum } from './common.js'
import { component } from './components.js'
import { taggedUnion } from './tagged-union.js'

const BoolOrString = Type.Union([Type.Boolean(), Type.String()])
const JqQuery = Type.Object({ jqQuery: Type.String() }, { additionalProperties: false })
export const OPERATIONS = ['CREATE', 'DAY-2', 'DELETE'] as const
export const OperationSchema = StringEnum(OPERATIONS)

/** One user input; Port's inputs carry many presentation keys, kept as given. */
export const UserInputSchema = Type.Object({
  type: StringEnum(['string', 'number', 'boolean', 'object', 'array']),
  format: Type.Optional(Type.String()),
  blueprint: Type.Optional(Type.String()),
}, { additionalProperties: true })

export const UserInputsSchema = component('UserInputs', Type.Object({
  properties: Type.Record(Type.String({ pattern: '^[A-Za-z0-9@_=\\-]+$', maxLength: 100 }), UserInputSchema),
  required: Type.Optional(Type.Union([Type.Array(Type.String()), JqQuery])),
  titles: Type.Optional(OpenObject),
  order: Type.Optional(Type.Array(Type.String())),
  steps: Type.Optional(Type.Array(OpenObject)),
}, { additionalProperties: false }))
export type UserInputs = Static<typeof UserInputsSchema>

const Webhook = Type.Object({
  type: Type.Literal('WEBHOOK'),
  url: Type.String({ minLength: 1 }),
  agent: Type.Optional(BoolOrString),
  synchronized: Type.Optional(BoolOrString),
  method: Type.Optional(StringEnum(['POST', 'PUT', 'PATCH', 'DELETE', 'GET'])),
  headers: Type.Optional(Type.Record(Type.String(), Type.String())),
  body: Type.Optional(Type.Union([OpenObject, Type.Array(Type.Unknown())])),
}, { additionalProperties: false })
const Payload = Type.Optional(Type.Union([OpenObject, Type.Array(Type.Unknown())]))
const Github = Type.Object({
  type: Type.Literal('GITHUB'),
  org: Type.String(),
  repo: Type.String(),
  workflow: Type.String(),
  workflowInputs: Type.Optional(OpenObject),
  reportWorkflowStatus: Type.Optional(BoolOrString),
}, { additionalProperties: false })
const Gitlab = Type.Object({
  type: Type.Literal('GITLAB'),
  projectName: Type.String(),
  groupName: Type.String(),
  defaultRef: Type.Optional(Type.String()),
  pipelineVariables: Type.Optional(OpenObject),
}, { additionalProperties: false })
const AzureDevops = Type.Object({ type: Type.Literal('AZURE_DEVOPS'), webhook: Type.String(), org: Type.String(), payload: Payload }, { additionalProperties: false })
const Kafka = Type.Object({ type: Type.Literal('KAFKA'), payload: Payload }, { additionalProperties: false })
const UpsertEntity = Type.Object({
  type: Type.Literal('UPSERT_ENTITY'),
  blueprintIdentifier: Type.String(),
  mapping: OpenObject,
}, { additionalProperties: false })
const IntegrationAction = Type.Object({
  type: Type.Literal('INTEGRATION_ACTION'),
  installationId: Type.String(),
  integrationActionType: Type.Literal('dispatch_workflow'),
  integrationActionExecutionProperties: OpenObject,
}, { additionalProperties: false })

export const InvocationMethodSchema = component('InvocationMethod',
  taggedUnion('type', [Webhook, Github, Gitlab, AzureDevops, Kafka, UpsertEntity, IntegrationAction]))
export type InvocationMethod = Static<typeof InvocationMethodSchema>

const SelfServiceTrigger = Type.Object({
  type: Type.Literal('self-service'),
  operation: OperationSchema,
  blueprintIdentifier: Type.Optional(Type.String()),
  userInputs: UserInputsSchema,
  actionCardButtonText: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
  executeActionButtonText: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
  condition: Type.Optional(OpenObject),
}, { additionalProperties: false })
const AutomationTrigger = Type.Object({
  type: Type.Literal('automation'),
  event: Type.Object({ type: Type.String() }, { additionalProperties: true }),
  condition: Type.Optional(OpenObject),
}, { additionalProperties: false })
export const TriggerSchema = taggedUnion('type', [SelfServiceTrigger, AutomationTrigger])

export const RequiredApprovalSchema = Type.Union([
  Type.Boolean(),
  Type.Object({ type: StringEnum(['ANY', 'ALL']) }, { additionalProperties: false }),
])
export type RequiredApproval = Static<typeof RequiredApprovalSchema>

/** The body of POST /v1/actions and PUT /v1/actions/{id}. */
export const ActionBodySchema = component('ActionBody', Type.Object({
  identifier: Type.String({ pattern: '^(?!\\.{1,2}$)[\\p{L}0-9@_.+:=-]+$', maxLength: 100 }),
  title: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  trigger: TriggerSchema,
  invocationMethod: InvocationMethodSchema,
  requiredApproval: Type.Optional(RequiredApprovalSchema),
  approvalNotification: Type.Optional(OpenObject),
  publish: Type.Optional(Type.Boolean()),
  allowAnyoneToViewRuns: Type.Optional(Type.Boolean()),
}, { additionalProperties: false }))
export type ActionBody = Static<typeof ActionBodySchema>

/** An action as returned: its definition plus `createdAt`/`createdBy`/`updatedAt`/`updatedBy`. */
export const ActionSchema = component('Action', Type.Object({
  identifier: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdBy: Type.String(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.String(),
}, { additionalProperties: true }))

export const ActionResponseSchema = Type.Object({ ok: Type.Literal(true), action: ActionSchema })
export const ActionsResponseSchema = Type.Object({ ok: Type.Literal(true), actions: Type.Array(ActionSchema) })

export const ListActionsQuerySchema = Type.Object({
  action_identifier: Type.Optional(Type.Array(Type.String())),
  blueprint_identifier: Type.Optional(Type.Array(Type.String())),
  operation: Type.Optional(Type.Array(OperationSchema)),
  published: Type.Optional(Type.Boolean()),
  trigger_type: Type.Optional(StringEnum(['self-service', 'automation'])),
  trigger_event: Type.Optional(Type.Array(Type.String())),
  trigger_event_action_identifier: Type.Optional(Type.Array(Type.String())),
  version: Type.Optional(StringEnum(['v1', 'v2'])),
})
export type ListActionsQuery = Static<typeof ListActionsQuerySchema>
