// Access tokens: HS256 JWTs signed with a per-process key. One live token per credential pair, as Port does.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../clock.js'
import { errors } from '../errors.js'

/** What a verified token says about its bearer. */
export interface TokenClaims {
  sub: string
  orgId: string
  clientId: string
  isMachine: boolean
  iat: number
  exp: number
}

export interface IssuedToken {
  accessToken: string
  expiresIn: number
}

const VERIFIED_CACHE_SIZE = 10_000
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

/** Issues and verifies tokens; expiry follows the injected clock. */
export class TokenService {
  private readonly live = new Map<string, { token: string, exp: number }>()
  /** Tokens whose signature was already checked: verifying again is a Map lookup plus the expiry test. */
  private readonly verified = new Map<string, TokenClaims>()

  constructor (private readonly key: Buffer, private readonly clock: Clock, private readonly ttlSeconds: number) {}

  /** The live token of these credentials, or a new one when there is none or it has expired. */
  issue (orgId: string, clientId: string): IssuedToken {
    const nowSec = Math.floor(this.clock.now() / 1000)
    const cacheKey = `${orgId}\n${clientId}`
    const current = this.live.get(cacheKey)
    if (current !== undefined && current.exp > nowSec) return { accessToken: current.token, expiresIn: current.exp - nowSec }
    const claims: TokenClaims = { sub: clientId, orgId, clientId, isMachine: true, iat: nowSec, exp: nowSec + this.ttlSeconds }
    const body = `${HEADER}.${base64url(JSON.stringify(claims))}`
    const token = `${body}.${this.sign(body)}`
    this.live.set(cacheKey, { token, exp: claims.exp })
    return { accessToken: token, expiresIn: this.ttlSeconds }
  }

  /** Checks an `Authorization` header value and returns the token's claims; throws 401 otherwise. */
  verify (authorization: string | undefined): TokenClaims {
    if (authorization === undefined || authorization === '') throw errors.unauthorized('Missing Authorization header')
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : authorization.trim()
    const known = this.verified.get(token)
    if (known !== undefined) return this.unexpired(known)
    const parts = token.split('.')
    if (parts.length !== 3) throw errors.unauthorized('Malformed access token')
    const [header, payload, signature] = parts as [string, string, string]
    const expected = Buffer.from(this.sign(`${header}.${payload}`))
    const given = Buffer.from(signature)
    if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw errors.unauthorized('Invalid access token')
    }
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear()
    this.verified.set(token, claims)
    return this.unexpired(claims)
  }

  private unexpired (claims: TokenClaims): TokenClaims {
    if (claims.exp * 1000 <= this.clock.now()) throw errors.unauthorized('Access token has expired')
    return claims
  }

  /** Forgets every live token, so the next request for credentials gets a fresh one. */
  clear (): void {
    this.live.clear()
    this.verified.clear()
  }

  private sign (data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url')
  }
}

function base64url (s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url')
}
