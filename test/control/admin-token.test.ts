import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, tokenFor, type TestApp } from '../helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const ADMIN = 'admin-token-123'
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Every documented control route but health, with path parameters filled in. */
async function controlRoutes (): Promise<Array<[Method, string]>> {
  const probe = await buildTestApp()
  const document = (await probe.inject({ method: 'GET', url: '/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
  await probe.close()
  return Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/_emulator/') && path !== '/_emulator/health')
    .flatMap(([path, ops]) => Object.keys(ops).map((m): [Method, string] => [m.toUpperCase() as Method, path.replace(/\{[^}]+\}/g, 'x')]))
}

const routes = await controlRoutes()

describe('EMULATOR_ADMIN_TOKEN', () => {
  it('covers at least the journal, clock and fault routes', () => {
    expect(routes.map(([m, p]) => `${m} ${p}`)).toEqual(expect.arrayContaining(['GET /_emulator/requests', 'POST /_emulator/clock', 'DELETE /_emulator/faults/x']))
  })

  it.each(routes)('makes %s %s answer 401 without the token', async (method, url) => {
    app = await buildTestApp({ config: { adminToken: ADMIN } })
    const response = await app.inject({ method, url })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ ok: false, error: 'unauthorized', message: 'This control route needs Authorization: Bearer <EMULATOR_ADMIN_TOKEN>' })
  })

  it.each([
    ['a wrong token', `Bearer ${ADMIN}x`],
    ['a prefix of the token', 'Bearer admin'],
    ['the token without Bearer', ADMIN],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_name, authorization) => {
    app = await buildTestApp({ config: { adminToken: ADMIN } })
    const response = await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { authorization } })
    expect(response.statusCode).toBe(401)
  })

  it('refuses an access token of an organization', async () => {
    app = await buildTestApp({ config: { adminToken: ADMIN } })
    const response = await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { authorization: `Bearer ${await tokenFor(app)}` } })
    expect(response.statusCode).toBe(401)
  })

  it.each(['Bearer', 'bearer'])('accepts the token after %s', async (scheme) => {
    app = await buildTestApp({ config: { adminToken: ADMIN } })
    const response = await app.inject({ method: 'GET', url: '/_emulator/clock', headers: { authorization: `${scheme} ${ADMIN}` } })
    expect(response.statusCode).toBe(200)
  })

  it('leaves health open', async () => {
    app = await buildTestApp({ config: { adminToken: ADMIN } })
    const response = await app.inject({ method: 'GET', url: '/_emulator/health' })
    expect(response.statusCode).toBe(200)
  })

  it('leaves the control routes open when it is not set', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/_emulator/requests' })
    expect(response.statusCode).toBe(200)
  })
})
