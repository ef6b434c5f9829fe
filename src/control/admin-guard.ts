// EMULATOR_ADMIN_TOKEN: when set, the control plane answers only requests that carry it (health excepted).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { onRequestHookHandler } from 'fastify'
import { errors } from '../errors.js'

/** Control routes that stay open with an admin token set: health checks cannot send one. */
export const OPEN_CONTROL_ROUTES = new Set(['/_emulator/health'])

/** A hook refusing (401) control requests without `Authorization: Bearer <token>`; undefined when there is no token. */
export function adminGuard (token: string): onRequestHookHandler | undefined {
  if (token === '') return undefined
  const expected = digest(token)
  return (request, _reply, done) => {
    if (OPEN_CONTROL_ROUTES.has(request.routeOptions.url ?? '')) return done()
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')
    // Comparing digests takes the same time whatever the given token's length or content.
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1].trim()), expected)) {
      return done(errors.unauthorized('This control route needs Authorization: Bearer <EMULATOR_ADMIN_TOKEN>'))
    }
    done()
  }
}

function digest (value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
