// Schemas of the virtual clock (GET/POST /_emulator/clock).
import { Type } from '@sinclair/typebox'
import { component } from './components.js'

/** One change to the clock; exactly one field. */
export const ClockChangeSchema = component('ClockChange', Type.Object({
  advanceMs: Type.Optional(Type.Integer({ description: 'Move time by this many milliseconds (negative: back)' })),
  set: Type.Optional(Type.String({ format: 'date-time', description: 'Make "now" this instant from here on' })),
  reset: Type.Optional(Type.Literal(true, { description: 'Back to real time' })),
}, { additionalProperties: false }))

/** The emulated time. */
export const ClockSchema = component('Clock', Type.Object({
  ok: Type.Literal(true),
  now: Type.String({ format: 'date-time' }),
  offsetMs: Type.Integer({ description: 'How far the emulated time is from the time it follows' }),
}))
