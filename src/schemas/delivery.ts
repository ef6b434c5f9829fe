// Schema of a delivery journal record (GET /_emulator/deliveries).
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './common.js'
import { component } from './components.js'

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

/** One attempt to reach a runner (or, for non-HTTP backends, the payload Port would have sent). */
export const DeliverySchema = component('Delivery', Type.Object({
  id: Type.String(),
  runId: Type.String(),
  action: Type.String(),
  kind: StringEnum(['webhook', 'emulated', 'agent'], { description: 'webhook: an HTTP request was made; emulated: recorded only (GitHub, GitLab, …); agent: queued for claim-pending' }),
  type: Type.String({ description: 'The invocation type: WEBHOOK, GITHUB, GITLAB, AZURE_DEVOPS, KAFKA, …' }),
  attempt: Type.Integer(),
  url: Type.String(),
  method: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.String({ description: 'The exact bytes sent (or that would have been); organization secrets are redacted' }),
  signature: Nullable(Type.String()),
  timestamp: Nullable(Type.String()),
  response: Type.Union([Type.Object({ status: Type.Integer(), body: Type.String(), latencyMs: Type.Number() }), Type.Null()]),
  error: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
}))
export type Delivery = Static<typeof DeliverySchema>
