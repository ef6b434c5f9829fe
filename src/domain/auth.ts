// Exchanging credentials for a token and resolving a token back to its organization and identity.
import { timingSafeEqual } from 'node:crypto'
import type { Emulator } from '../emulator.js'
import { errors } from '../errors.js'
import type { Ctx } from './context.js'
import type { IssuedToken } from './tokens.js'

/** Exchanges client credentials for the organization's live access token. */
export function issueToken (emulator: Emulator, clientId: string, clientSecret: string): IssuedToken {
  const org = emulator.orgs.byClientId(clientId)
  if (org === undefined || !sameSecret(org.org.clientSecret, clientSecret)) {
    throw errors.unauthorized('Invalid client id or client secret')
  }
  return emulator.tokens.issue(org.org.id, clientId)
}

/** Resolves an `Authorization` header to a request context; throws 401 for anything but a live token. */
export function authenticate (emulator: Emulator, authorization: string | undefined): Ctx {
  const claims = emulator.tokens.verify(authorization)
  const org = emulator.orgs.get(claims.orgId)
  if (org === undefined || org.org.clientId !== claims.clientId) throw errors.unauthorized('Invalid access token')
  return { emulator, org, actor: { userId: claims.sub, isMachine: claims.isMachine } }
}

function sameSecret (expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
