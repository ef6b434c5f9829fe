import { afterEach, describe, expect, it } from 'vitest'
import { makeAction } from '../helpers/actions.js'
import { authHeaders, buildTestApp, type TestApp } from '../helpers/app.js'
import { seedRuns, startRun } from '../helpers/runs.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const moveClock = (payload: unknown) => app.inject({ method: 'POST', url: '/_emulator/clock', payload: payload as object })

describe('GET /_emulator/clock', () => {
  it('answers the emulated time', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/_emulator/clock' })
    expect(response.json()).toEqual({ ok: true, now: '2024-01-01T00:00:00.000Z', offsetMs: 0 })
  })
})

describe('POST /_emulator/clock', () => {
  it.each([
    ['advances by advanceMs', [{ advanceMs: 90_000 }], '2024-01-01T00:01:30.000Z', 90_000],
    ['goes back with a negative advanceMs', [{ advanceMs: -1000 }], '2023-12-31T23:59:59.000Z', -1000],
    ['jumps to set', [{ set: '2025-06-01T12:00:00Z' }], '2025-06-01T12:00:00.000Z', Date.parse('2025-06-01T12:00:00Z') - Date.parse('2024-01-01')],
    ['goes back to the base time on reset', [{ advanceMs: 5000 }, { reset: true }], '2024-01-01T00:00:00.000Z', 0],
  ])('%s', async (_name, changes, now, offsetMs) => {
    app = await buildTestApp()
    let response
    for (const change of changes) response = await moveClock(change)
    expect(response?.json()).toEqual({ ok: true, now, offsetMs })
  })

  it.each([
    ['an empty body', {}, 'body must have one of advanceMs, set or reset'],
    ['two changes at once', { advanceMs: 1, reset: true }, 'body/reset cannot be combined with advanceMs'],
    ['a set that is no date-time', { set: 'tomorrow' }, 'body/set'],
    ['a fractional advanceMs', { advanceMs: 1.5 }, 'body/advanceMs'],
    ['reset: false', { reset: false }, 'body/reset'],
    ['an unknown field', { advance: 1 }, 'advance'],
    ['a time out of range', { advanceMs: 9e15 }, 'body/advanceMs'],
  ])('refuses %s with 422 naming the field', async (_name, payload, message) => {
    app = await buildTestApp()
    const response = await moveClock(payload)
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })

  it('makes tokens expire when moved past their lifetime', async () => {
    app = await buildTestApp({ config: { tokenTtlSeconds: 60 } })
    const headers = await authHeaders(app)
    await moveClock({ advanceMs: 60_000 })
    const response = await app.inject({ method: 'GET', url: '/v1/organization', headers })
    expect(response.statusCode).toBe(401)
    expect(response.json().message).toBe('Access token has expired')
  })

  it('makes claim leases expire', async () => {
    app = await buildTestApp({ delivery: true })
    const f = await seedRuns(app, [])
    await f.call('POST', '/v1/actions', makeAction({ invocationMethod: { type: 'WEBHOOK', url: 'http://127.0.0.1:9/agent', agent: true } }))
    const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
    await eventually(async () => (await f.call('GET', `/_emulator/deliveries?run_id=${runId}`)).body.deliveries[0])
    const claim = async () => (await f.call('POST', '/v1/actions/runs/claim-pending', { installationId: 'i', visibilityTimeoutMs: 30_000 })).body.runs.map((r: { id: string }) => r.id)
    await claim()
    await moveClock({ advanceMs: 30_000 })
    expect(await claim()).toEqual([runId])
  })
})
