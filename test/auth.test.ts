import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { fixedClock } from '../src/clock.js'
import { buildTestApp, TEST_START, tokenFor, type TestApp } from './helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

function decode (token: string): Record<string, unknown> {
  const [header, payload] = token.split('.') as [string, string]
  return { header: JSON.parse(Buffer.from(header, 'base64url').toString()), ...JSON.parse(Buffer.from(payload, 'base64url').toString()) }
}

describe('POST /v1/auth/access_token', () => {
  it('returns a bearer token with its lifetime', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/), expiresIn: 10800, tokenType: 'Bearer' })
  })

  it('issues an HS256 JWT with exp, iat, the organization and isMachine', async () => {
    app = await buildTestApp()
    const claims = decode(await tokenFor(app))
    expect(claims).toMatchObject({ header: { alg: 'HS256', typ: 'JWT' }, orgId: 'org_portEmulatorDemo', isMachine: true, iat: TEST_START / 1000 })
    expect(claims.exp).toBe(TEST_START / 1000 + 10800)
  })

  it('returns the same token to the same credentials until it expires', async () => {
    app = await buildTestApp()
    const first = await tokenFor(app)
    app.clock.advance(60_000)
    expect(await tokenFor(app)).toBe(first)
    app.clock.advance(10800 * 1000)
    expect(await tokenFor(app)).not.toBe(first)
  })

  it.each([
    [{ clientId: 'demo-client-id', clientSecret: 'wrong' }],
    [{ clientId: 'nobody', clientSecret: 'demo-client-secret' }],
  ])('answers 401 in Port\'s error shape to wrong credentials %j', async (payload) => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ ok: false, error: 'unauthorized', message: expect.any(String) })
  })

  it.each([
    [{ clientId: 'demo-client-id' }, 'clientSecret'],
    [{ clientSecret: 'x' }, 'clientId'],
    [{ clientId: {}, clientSecret: 'x' }, 'clientId'],
    [{ clientId: 'a', clientSecret: 'b', extra: true }, 'extra'],
  ])('answers 422 naming the field for the body %j', async (payload, field) => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({ ok: false, error: 'invalid_request', message: expect.stringContaining(field) })
  })
})

describe('bearer tokens on /v1 routes', () => {
  const probe = '/v1/organization'

  it('lets a live token through', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: probe, headers: { authorization: `Bearer ${await tokenFor(app)}` } })
    expect(response.json()).toEqual({ ok: true, organization: { id: 'org_portEmulatorDemo', name: 'Demo organization' } })
  })

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a garbage token', 'Bearer garbage'],
    ['a token with a forged payload', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJvcmdJZCI6Im9yZ19wb3J0RW11bGF0b3JEZW1vIn0.c2ln'],
  ])('answers 401 to %s', async (_name, authorization) => {
    app = await buildTestApp()
    const headers = authorization === undefined ? {} : { authorization }
    const response = await app.inject({ method: 'GET', url: probe, headers })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ ok: false, error: 'unauthorized', message: expect.any(String) })
  })

  it('answers 401 to a token signed by another key', async () => {
    const other = buildApp({ tokenKey: Buffer.alloc(32, 9) })
    const foreign = await tokenFor(other)
    await other.close()
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: probe, headers: { authorization: `Bearer ${foreign}` } })
    expect(response.statusCode).toBe(401)
  })

  it('answers 401 once the token has expired', async () => {
    app = await buildTestApp({ clock: fixedClock(TEST_START) })
    const token = await tokenFor(app)
    app.clock.advance(10800 * 1000)
    const response = await app.inject({ method: 'GET', url: probe, headers: { authorization: `Bearer ${token}` } })
    expect(response.statusCode).toBe(401)
    expect(response.json().message).toMatch(/expired/)
  })
})
