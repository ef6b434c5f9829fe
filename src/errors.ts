// Every HTTP-facing failure is an ApiError built from this one table, so error names are spelled once.

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
} as const
