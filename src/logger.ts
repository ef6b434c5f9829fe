// The pino logger: JSON lines, with every place a secret could hide redacted.
import { pino, type DestinationStream, type Logger } from 'pino'
import { REDACTED, SECRET_KEYS } from './secrets.js'

/** Paths pino censors wherever they appear in a log record: each secret key at the top level or one level down. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.Authorization',
  '*.Authorization',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
]

/** A pino logger at `level` with redaction; `destination` defaults to stdout. */
export function createLogger (level: string, destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: REDACTED } }, destination)
}
