// Port's webhook signature: `v1,` + base64 HMAC-SHA256 of "<timestamp>.<body>" keyed with the client secret.
import { createHmac } from 'node:crypto'

/** The `X-Port-Signature` value for `body` (the exact bytes sent) at `timestamp` (unix seconds, as a string). */
export function portSignature (clientSecret: string, timestamp: string, body: string): string {
  return `v1,${createHmac('sha256', clientSecret).update(`${timestamp}.${body}`).digest('base64')}`
}
