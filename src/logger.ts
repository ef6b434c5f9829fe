// The pino logger: JSON lines, with every place a secret could hide redacted.
import { pino, type DestinationStream, type Logger } from 'pino'

/** Paths pino censors wherever they appear in a log record. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.authorization',
  '*.Authorization',
  'clientSecret',
  '*.clientSecret',
  'accessToken',
  '*.accessToken',
  'token',
  '*.token',
  'secrets',
  '*.secrets',
]

/** A pino logger at `level` with redaction; `destination` defaults to stdout. */
export function createLogger (level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination)
}
