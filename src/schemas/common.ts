// Schemas every resource shares: Port's error envelope and the error responses a route can declare.
import { Type } from '@sinclair/typebox'
import { component } from './components.js'

/** Port's failure envelope: `{ ok: false, error, message }`. */
export const ErrorSchema = component('Error', Type.Object({
  ok: Type.Literal(false),
  error: Type.String(),
  message: Type.String(),
}, { additionalProperties: false }))

/** `{ ok: true }`, the answer of routes that return nothing else (deletes). */
export const OkSchema = component('Ok', Type.Object({ ok: Type.Literal(true) }))

/** Response schemas for the given error statuses, each Port's error envelope. */
export function errorResponses (...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]))
}

/** An open object: user-defined keys that the response serializer must keep. */
export const OpenObject = Type.Record(Type.String(), Type.Unknown())

/** A boolean query parameter; Port's clients send `"true"`/`"false"` strings. */
export const QueryBoolean = (description?: string) => Type.Boolean({ default: false, ...(description !== undefined ? { description } : {}) })

/** A string from a fixed list, as a plain JSON Schema `enum` (clear errors, clean OpenAPI). */
export function StringEnum<const T extends readonly string[]> (values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options })
}
