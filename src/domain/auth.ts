// Exchanging credentials for a token and resolving a token back to its organization and identity.
import { timingSafeEqual } from 'node:crypto'
import type { Emulator } from '../emulator.js'
import { errors } from '../errors.js'
import type { IssuedToken } from './tokens.js'
import type { OrgStore } from '../store/orgs.js'

/** Who is making a request: the organization and the user or machine acting in it. */
export interface Actor {
  org: OrgStore
  /** `createdBy`/`updatedBy` value: the client id for machine credentials. */
  userId: string
  isMachine: boolean
}

/** Exchanges client credentials for the organization's live access token. */
export function issueToken (emulator: Emulator, clientId: string, clientSecret: string): IssuedToken {
  const org = emulator.orgs.byClientId(clientId)
  if (org === undefined || !sameSecret(org.org.clientSecret, clientSecret)) {
    throw errors.unauthorized('Invalid client id or client secret')
  }
  return emulator.tokens.issue(org.org.id, clientId)
}

/** Resolves an `Authorization` header to the acting identity; throws 401 for anything but a live token. */
export function authenticate (emulator: Emulator, authorization: string | undefined): Actor {
  const claims = emulator.tokens.verify(authorization)
  const org = emulator.orgs.get(claims.orgId)
  if (org === undefined || org.org.clientId !== claims.clientId) throw errors.unauthorized('Invalid access token')
  return { org, userId: claims.sub, isMachine: claims.isMachine }
}

function sameSecret (expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}
