// Moving the virtual clock from the control plane: one change at a time, refused (422) when it makes no sense.
import type { VirtualClock } from '../clock.js'
import { errors } from '../errors.js'

/** Exactly one of: move by `advanceMs`, jump to `set` (ISO-8601), or `reset` to the base clock. */
export interface ClockChange {
  advanceMs?: number
  set?: string
  reset?: true
}

// The range of a JavaScript Date.
const MAX_TIME = 8.64e15

/** Applies `change` to `clock`; throws 422 naming the field when it is missing, doubled or out of range. */
export function changeClock (clock: VirtualClock, change: ClockChange): void {
  const fields = Object.keys(change)
  if (fields.length === 0) throw errors.invalidRequest('body must have one of advanceMs, set or reset')
  if (fields.length > 1) throw errors.invalidRequest(`body/${fields[1]} cannot be combined with ${fields[0]}: give one of advanceMs, set or reset`)
  if (change.advanceMs !== undefined) {
    if (Math.abs(clock.now() + change.advanceMs) > MAX_TIME) throw errors.invalidRequest('body/advanceMs moves the clock out of range')
    clock.advance(change.advanceMs)
  } else if (change.set !== undefined) {
    const time = Date.parse(change.set)
    if (Number.isNaN(time)) throw errors.invalidRequest('body/set must be an ISO-8601 date-time')
    clock.set(time)
  } else {
    clock.reset()
  }
}

/** The emulated time as the control plane shows it. */
export function clockView (clock: VirtualClock): { now: string, offsetMs: number } {
  return { now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs }
}
