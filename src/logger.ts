// The pino logger: JSON lines, with every place a secret could hide redacted.
import { destination, pino, type DestinationStream, type Logger } from 'pino'
import { REDACTED, SECRET_KEYS } from './secrets.js'

/** Paths pino censors wherever they appear in a log record: each secret key at the top level or one level down. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'headers.Authorization',
  '*.Authorization',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
]

/**
 * A pino logger at `level` with redaction. `stream` defaults to stdout written asynchronously: lines are
 * handed to the kernel in batches instead of one write per request, and pino flushes what is left on exit.
 */
export function createLogger (level: string, stream: DestinationStream = destination({ dest: 1, sync: false })): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: REDACTED } }, stream)
}
