// Every HTTP-facing failure is an ApiError built from this one table, so error names are spelled once.
import { STATUS_CODES } from 'node:http'

/** A failure that the error handler turns into Port's `{ ok: false, error, message }` envelope. */
export class ApiError extends Error {
  constructor (
    readonly statusCode: number,
    readonly error: string,
    message: string,
    readonly headers?: Record<string, string>
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Constructors for each error Port returns, keyed by meaning. */
export const errors = {
  badRequest: (message: string) => new ApiError(400, 'bad_request', message),
  invalidJson: (message: string) => new ApiError(400, 'invalid_json', message),
  unauthorized: (message: string) => new ApiError(401, 'unauthorized', message),
  forbidden: (message: string) => new ApiError(403, 'forbidden', message),
  notFound: (message: string) => new ApiError(404, 'not_found', message),
  routeNotFound: (method: string, url: string) => new ApiError(404, 'not_found', `Route ${method}:${url} not found`),
  identifierTaken: (message: string) => new ApiError(409, 'identifier_taken', message),
  alreadyAcknowledged: (message: string) => new ApiError(409, 'run_already_acknowledged', message),
  payloadTooLarge: () => new ApiError(413, 'payload_too_large', 'Request body is too large (limit is 1MiB)'),
  unsupportedMediaType: (message: string) => new ApiError(415, 'unsupported_media_type', message),
  invalidRequest: (message: string) => new ApiError(422, 'invalid_request', message),
  runStateConflict: (message: string) => new ApiError(422, 'invalid_run_state', message),
  hasDependents: (message: string) => new ApiError(422, 'has_dependents', message),
  tooManyRequests: (message: string, headers: Record<string, string>) => new ApiError(429, 'too_many_requests', message, headers),
  internal: () => new ApiError(500, 'internal_error', 'An unexpected error occurred'),
  unavailable: (message: string) => new ApiError(503, 'service_unavailable', message),
  /** A failure the control plane was told to inject (a fault), with any status and headers. */
  injected: (statusCode: number, error: string, message: string, headers: Record<string, string>) => new ApiError(statusCode, error, message, headers),
} as const

// The generic error of each status, read off the table above so no name is spelled twice.
const generic = [
  errors.badRequest(''), errors.unauthorized(''), errors.forbidden(''), errors.notFound(''), errors.identifierTaken(''),
  errors.payloadTooLarge(), errors.unsupportedMediaType(''), errors.invalidRequest(''), errors.tooManyRequests('', {}),
  errors.internal(), errors.unavailable(''),
]
const nameByStatus = new Map(generic.map((e) => [e.statusCode, e.error]))

/** The error name the emulator uses for `statusCode`; for other statuses, the HTTP reason in snake case (`bad_gateway`). */
export function errorNameFor (statusCode: number): string {
  const reason = STATUS_CODES[statusCode] ?? 'error'
  return nameByStatus.get(statusCode) ?? reason.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')
}
