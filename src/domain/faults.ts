// Injected faults: turning a request for one into a fault, and choosing the fault (if any) a request gets.
import { STATUS_CODES } from 'node:http'
import { errorNameFor, errors, type ApiError } from '../errors.js'
import type { Fault, FaultRequest } from '../schemas/fault.js'
import type { FaultStore, StoredFault } from '../store/faults.js'
import { pathRegex } from './path-pattern.js'

/** The control plane's own routes: faults never apply to them, so a test can always remove its faults. */
export const CONTROL_PREFIX = '/_emulator/'

// Port does not publish its limits; a 429 reports these unless the fault's `headers` say otherwise.
const RATE_LIMIT = '1000'
const RATE_LIMIT_PERIOD_SECONDS = '60'
const ANSWER_FIELDS = ['error', 'message', 'retryAfterSeconds', 'headers'] as const

/** Checks a fault request (422 naming the field at fault) and stores the fault. */
export function addFault (store: FaultStore, input: FaultRequest): Fault {
  check(input)
  const id = store.nextId()
  const status = input.status ?? null
  const fault: StoredFault = {
    id,
    method: input.method ?? null,
    path: input.path,
    pathRegex: pathRegex(input.path),
    times: input.times ?? null,
    remaining: input.times ?? null,
    probability: input.probability ?? 1,
    delayMs: input.delayMs ?? 0,
    status,
    error: status === null ? null : input.error ?? errorNameFor(status),
    message: status === null ? null : input.message ?? `${STATUS_CODES[status] ?? 'Error'} (injected by ${id})`,
    headers: status === null ? {} : { ...answerHeaders(status, input.retryAfterSeconds), ...input.headers },
    drop: input.drop ?? false,
    applied: 0,
  }
  store.add(fault)
  return faultView(fault)
}

/**
 * The fault a request gets: the first one added that matches its method and path and, when it has a
 * probability, wins the draw. Counts the hit, and removes the fault once it has fired `times` times.
 */
export function takeFault (store: FaultStore, method: string, path: string, random: () => number): StoredFault | undefined {
  for (const fault of store.active) {
    if ((fault.method !== null && fault.method !== method) || !fault.pathRegex.test(path)) continue
    if (fault.probability < 1 && random() >= fault.probability) continue
    fault.applied++
    if (fault.remaining !== null && --fault.remaining === 0) store.remove(fault.id)
    return fault
  }
  return undefined
}

/** The error a fault with a status answers with. */
export function faultError (fault: StoredFault): ApiError {
  const status = fault.status ?? 500
  return errors.injected(status, fault.error ?? errorNameFor(status), fault.message ?? '', fault.headers)
}

/** A fault as the control plane shows it. */
export function faultView (fault: StoredFault): Fault {
  const { pathRegex: _regex, ...view } = fault
  return { ...view, method: view.method as Fault['method'], headers: { ...view.headers } }
}

function check (input: FaultRequest): void {
  if (!/^[/*]/.test(input.path)) throw errors.invalidRequest('body/path must start with / (or with * to match any path)')
  if (input.path.startsWith('/_emulator')) throw errors.invalidRequest('body/path cannot name /_emulator routes: faults never apply to them')
  const orphan = ANSWER_FIELDS.find((field) => input[field] !== undefined)
  if (input.status === undefined && orphan !== undefined) throw errors.invalidRequest(`body/${orphan} needs status`)
  if (input.drop === true && input.status !== undefined) throw errors.invalidRequest('body/drop cannot be combined with status')
  if (input.status === undefined && input.drop !== true && input.delayMs === undefined) {
    throw errors.invalidRequest('body must have one of delayMs, status or drop')
  }
}

// Port's rate-limit headers on a 429 (x-ratelimit-reset in seconds from now, as Port's Terraform provider reads it).
function answerHeaders (status: number, retryAfterSeconds: number | undefined): Record<string, string> {
  if (status !== 429) return retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }
  const retry = String(retryAfterSeconds ?? 1)
  return {
    'x-ratelimit-limit': RATE_LIMIT,
    'x-ratelimit-remaining': '0',
    'x-ratelimit-period': RATE_LIMIT_PERIOD_SECONDS,
    'x-ratelimit-reset': retry,
    'retry-after': retry,
  }
}
