// Schemas of legacy blueprint-scoped actions (/v1/blueprints/{bp}/actions), the seed's form.
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './common.js'
import { OperationSchema, UserInputsSchema } from './action.js'
import { component } from './components.js'
import { taggedUnion } from './tagged-union.js'

const Omit = { omitPayload: Type.Optional(Type.Boolean()), omitUserInputs: Type.Optional(Type.Boolean()) }
const LegacyInvocationMethodSchema = taggedUnion('type', [
  Type.Object({ type: Type.Literal('GITHUB'), org: Type.String(), repo: Type.String(), workflow: Type.String(), ...Omit, reportWorkflowStatus: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('GITLAB'), projectName: Type.String(), groupName: Type.String(), defaultRef: Type.Optional(Type.String()), ...Omit, agent: Type.Literal(true) }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('AZURE-DEVOPS'), webhook: Type.String(), org: Type.String() }, { additionalProperties: false }),
  Type.Object({
    type: Type.Literal('WEBHOOK'),
    url: Type.String({ format: 'uri' }),
    agent: Type.Optional(Type.Boolean()),
    synchronized: Type.Optional(Type.Boolean()),
    method: Type.Optional(StringEnum(['POST', 'DELETE', 'PATCH', 'PUT'])),
  }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('KAFKA') }, { additionalProperties: false }),
])

/** The body of POST /v1/blueprints/{bp}/actions: `trigger` is the operation and `userInputs` is top-level. */
export const LegacyActionBodySchema = component('LegacyActionBody', Type.Object({
  identifier: Type.String({ pattern: '^[A-Za-z0-9@_.:\\\\/=-]+$', maxLength: 100 }),
  title: Type.Optional(Type.String()),
  icon: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  trigger: OperationSchema,
  requiredApproval: Type.Optional(Type.Boolean()),
  invocationMethod: LegacyInvocationMethodSchema,
  userInputs: UserInputsSchema,
}, { additionalProperties: false }))
export type LegacyActionBody = Static<typeof LegacyActionBodySchema>
