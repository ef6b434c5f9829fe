// Schema of a request journal record (GET /_emulator/requests).
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { component } from './components.js'

const Nullable = <T extends TSchema>(t: T, description: string) => Type.Union([t, Type.Null()], { description })
const Values = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))
const BODY_HELP = 'The JSON body, parsed; a string when it was not JSON or too long to keep whole (then cut); null: none'

/** One request to the emulator and its answer, secrets redacted. */
export const RequestRecordSchema = component('RequestRecord', Type.Object({
  id: Type.String({ description: 'The request id, also sent as `x-trace-id`' }),
  at: Type.String({ format: 'date-time', description: 'Arrival, on the virtual clock' }),
  method: Type.String(),
  path: Type.String(),
  query: Values,
  status: Nullable(Type.Integer(), 'Null while in flight, and when a fault dropped the connection'),
  durationMs: Nullable(Type.Number(), 'From arrival until the response was ready to send'),
  orgId: Nullable(Type.String(), 'The organization of the token (or credentials) the request carried'),
  runId: Nullable(Type.String(), 'The run in the path, else the run the response returns, else the `run_id` query parameter'),
  fault: Nullable(Type.String(), 'The fault applied to the request'),
  request: Type.Object({ headers: Values, body: Type.Unknown({ description: BODY_HELP }), truncated: Type.Boolean() }),
  response: Type.Object({ body: Type.Unknown({ description: BODY_HELP }), truncated: Type.Boolean() }),
}))
export type RequestRecord = Static<typeof RequestRecordSchema>
