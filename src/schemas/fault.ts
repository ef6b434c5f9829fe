// Schemas of injected faults (POST/GET/DELETE /_emulator/faults).
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './common.js'
import { component } from './components.js'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
const PATH_HELP = 'The request path without its query: exact, or a pattern in which `*` matches any characters (`/` too), e.g. `/v1/actions/runs/*`'

/** What a test asks for: which requests, how often, and what happens to them. */
export const FaultRequestSchema = component('FaultRequest', Type.Object({
  method: Type.Optional(StringEnum(METHODS, { description: 'Absent: any method' })),
  path: Type.String({ minLength: 1, description: PATH_HELP }),
  times: Type.Optional(Type.Integer({ minimum: 1, description: 'Fires for this many matching requests, then is removed. Absent: until removed' })),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Chance that a matching request is hit (default 1); with `times`, only hits count' })),
  delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 300_000, description: 'Latency added before the request is handled (or failed, or dropped)' })),
  status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599, description: "Answer with this status and Port's error envelope instead of handling the request" })),
  error: Type.Optional(Type.String({ minLength: 1, description: 'The envelope\'s `error` (default: the status\'s name, e.g. `too_many_requests`)' })),
  message: Type.Optional(Type.String({ description: 'The envelope\'s `message`' })),
  retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0, description: 'Sets `retry-after` (and, on a 429, `x-ratelimit-reset`); 429 defaults to 1' })),
  headers: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Response headers to add or override' })),
  drop: Type.Optional(Type.Boolean({ description: 'Destroy the connection without answering' })),
}, { additionalProperties: false }))
export type FaultRequest = Static<typeof FaultRequestSchema>

/** A fault as the emulator holds it, with every default filled in. */
export const FaultSchema = component('Fault', Type.Object({
  id: Type.String(),
  method: Type.Union([StringEnum(METHODS), Type.Null()], { description: 'Null: any method' }),
  path: Type.String(),
  times: Type.Union([Type.Integer(), Type.Null()]),
  remaining: Type.Union([Type.Integer(), Type.Null()], { description: 'Hits left before the fault is removed; null: until removed' }),
  probability: Type.Number(),
  delayMs: Type.Integer(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()]),
  headers: Type.Record(Type.String(), Type.String()),
  drop: Type.Boolean(),
  applied: Type.Integer({ description: 'Requests it has been applied to so far' }),
}))
export type Fault = Static<typeof FaultSchema>
