// The comparison operators of Port's search rules: each checks its `value` once and returns a test of one
// field's value. Dates compare as instants; presets are relative to the emulator's clock.
import { isDeepStrictEqual } from 'node:util'
import { errors } from '../errors.js'

/** Tests one field value (`undefined` when the entity has none). */
export type FieldTest = (actual: unknown) => boolean
type Factory = (value: unknown, where: string, now: number) => FieldTest

const DAY = 24 * 60 * 60 * 1000
const PRESETS: Record<string, (now: number) => [number, number]> = {
  today: (now) => dayAround(now, 0),
  tomorrow: (now) => dayAround(now, 1),
  yesterday: (now) => dayAround(now, -1),
  lastDay: (now) => [now - DAY, now],
  lastWeek: (now) => [now - 7 * DAY, now],
  last2Weeks: (now) => [now - 14 * DAY, now],
  lastMonth: (now) => [now - 30 * DAY, now],
  last3Months: (now) => [now - 90 * DAY, now],
  last6Months: (now) => [now - 180 * DAY, now],
  last12Months: (now) => [now - 365 * DAY, now],
}

const equals = (actual: unknown, value: unknown): boolean =>
  Array.isArray(actual) && !Array.isArray(value)
    ? actual.some((item) => isDeepStrictEqual(item, value))
    : isDeepStrictEqual(actual ?? null, value)

const contains = (actual: unknown, value: string | number | boolean): boolean =>
  typeof actual === 'string' ? actual.includes(String(value)) : Array.isArray(actual) && actual.includes(value)

const isEmpty = (actual: unknown): boolean =>
  actual === undefined || actual === null || actual === '' ||
  (Array.isArray(actual) && actual.length === 0) ||
  (typeof actual === 'object' && !Array.isArray(actual) && Object.keys(actual).length === 0)

/** Every comparison operator the emulator evaluates, by Port's name. */
export const OPERATORS: Record<string, Factory> = {
  '=': (value, where) => { defined(value, where); return (actual) => equals(actual, value) },
  '!=': (value, where) => { defined(value, where); return (actual) => !equals(actual, value) },
  in: (value, where) => { const list = array(value, where, 'in'); return (actual) => list.some((v) => equals(actual, v)) },
  notIn: (value, where) => { const list = array(value, where, 'notIn'); return (actual) => !list.some((v) => equals(actual, v)) },
  contains: (value, where) => { const v = scalar(value, where, 'contains'); return (actual) => contains(actual, v) },
  doesNotContains: (value, where) => { const v = scalar(value, where, 'doesNotContains'); return (actual) => !contains(actual, v) },
  containsAny: (value, where) => {
    const list = array(value, where, 'containsAny')
    return (actual) => list.some((v) => contains(actual, v as string))
  },
  beginsWith: (value, where) => { const v = text(value, where, 'beginsWith'); return (actual) => typeof actual === 'string' && actual.startsWith(v) },
  doesNotBeginsWith: (value, where) => { const v = text(value, where, 'doesNotBeginsWith'); return (actual) => !(typeof actual === 'string' && actual.startsWith(v)) },
  endsWith: (value, where) => { const v = text(value, where, 'endsWith'); return (actual) => typeof actual === 'string' && actual.endsWith(v) },
  doesNotEndsWith: (value, where) => { const v = text(value, where, 'doesNotEndsWith'); return (actual) => !(typeof actual === 'string' && actual.endsWith(v)) },
  isEmpty: () => isEmpty,
  isNotEmpty: () => (actual) => !isEmpty(actual),
  '>': (value, where) => ordered(value, where, '>', (a, b) => a > b),
  '>=': (value, where) => ordered(value, where, '>=', (a, b) => a >= b),
  '<': (value, where) => ordered(value, where, '<', (a, b) => a < b),
  '<=': (value, where) => ordered(value, where, '<=', (a, b) => a <= b),
  between: (value, where, now) => { const inRange = range(value, where, now); return (actual) => inRange(actual) },
  notBetween: (value, where, now) => { const inRange = range(value, where, now); return (actual) => instant(actual) !== undefined && !inRange(actual) },
  isExpired: (_value, _where, now) => (actual) => (instant(actual) ?? Infinity) < now,
  isNotExpired: (_value, _where, now) => (actual) => !((instant(actual) ?? Infinity) < now),
}

function defined (value: unknown, where: string): void {
  if (value === undefined) throw errors.invalidRequest(`"${where}/value" is required`)
}

function array (value: unknown, where: string, operator: string): unknown[] {
  if (!Array.isArray(value)) throw errors.invalidRequest(`"${where}/value" must be an array for operator "${operator}"`)
  return value
}

function scalar (value: unknown, where: string, operator: string): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  throw errors.invalidRequest(`"${where}/value" must be a string, number or boolean for operator "${operator}"`)
}

function text (value: unknown, where: string, operator: string): string {
  if (typeof value !== 'string') throw errors.invalidRequest(`"${where}/value" must be a string for operator "${operator}"`)
  return value
}

/** `>`/`<` and friends: numbers against numbers, or date-time strings against dates. */
function ordered (value: unknown, where: string, operator: string, compare: (a: number, b: number) => boolean): FieldTest {
  if (typeof value === 'number') return (actual) => typeof actual === 'number' && compare(actual, value)
  const at = instant(value)
  if (at === undefined) throw errors.invalidRequest(`"${where}/value" must be a number or a date-time for operator "${operator}"`)
  return (actual) => { const t = instant(actual); return t !== undefined && compare(t, at) }
}

function range (value: unknown, where: string, now: number): FieldTest {
  const given = (value ?? {}) as { from?: unknown, to?: unknown, preset?: unknown }
  let bounds: [number, number] | undefined
  if (typeof given.preset === 'string') bounds = PRESETS[given.preset]?.(now)
  else {
    const from = instant(given.from)
    const to = instant(given.to)
    if (from !== undefined && to !== undefined) bounds = [from, to]
  }
  if (bounds === undefined) {
    throw errors.invalidRequest(`"${where}/value" must be { from, to } date-times or { preset } (one of: ${Object.keys(PRESETS).join(', ')})`)
  }
  const [from, to] = bounds
  return (actual) => { const t = instant(actual); return t !== undefined && t >= from && t <= to }
}

function instant (value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

function dayAround (now: number, offset: number): [number, number] {
  const start = Math.floor(now / DAY) * DAY + offset * DAY
  return [start, start + DAY - 1]
}
