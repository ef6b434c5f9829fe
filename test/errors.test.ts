import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { buildTestApp, type TestApp } from './helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const tokenUrl = '/v1/auth/access_token'

describe('error envelope', () => {
  it('answers 404 not_found for an unknown route', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/v1/nothing-here?x=1' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Route GET:/v1/nothing-here not found' })
  })

  it('answers 413 to a 1.5 MiB body', async () => {
    app = await buildTestApp()
    const payload = JSON.stringify({ clientId: 'x'.repeat(1.5 * 1024 * 1024), clientSecret: 'y' })
    const response = await app.inject({ method: 'POST', url: tokenUrl, headers: { 'content-type': 'application/json' }, payload })
    expect(response.statusCode).toBe(413)
    expect(response.json()).toEqual({ ok: false, error: 'payload_too_large', message: 'Request body is too large (limit is 1MiB)' })
  })

  it('answers 400 to malformed JSON', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: tokenUrl, headers: { 'content-type': 'application/json' }, payload: '{"clientId":' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ ok: false, error: 'invalid_json', message: 'Body is not valid JSON' })
  })

  it('answers 415 to a body that is not JSON', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: tokenUrl, headers: { 'content-type': 'text/csv' }, payload: 'a,b' })
    expect(response.statusCode).toBe(415)
    expect(response.json()).toMatchObject({ ok: false, error: 'unsupported_media_type' })
  })

  it('answers 500 with a generic message and keeps the details out of the response', async () => {
    const bare = buildApp()
    app = Object.assign(bare, { clock: bare.emulator.clock })
    app.get('/boom', async () => { throw new Error('secret internals') })
    const response = await app.inject({ method: 'GET', url: '/boom' })
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ ok: false, error: 'internal_error', message: 'An unexpected error occurred' })
  })

  it('sends the version header on every response, errors included', async () => {
    app = await buildTestApp()
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/_emulator/health' }),
      app.inject({ method: 'GET', url: '/nope' }),
      app.inject({ method: 'GET', url: '/v1/organization' }),
    ])
    expect(responses.map((r) => r.headers['x-port-emulator-version'])).toEqual(Array(3).fill(expect.stringMatching(/^\d+\.\d+\.\d+/)))
  })
})
