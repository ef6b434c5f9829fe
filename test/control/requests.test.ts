import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { JOURNAL_BODY_LIMIT } from '../../src/control/hooks.js'
import { DEFAULT_ORG_ID } from '../../src/emulator.js'
import { authHeaders, buildTestApp, tokenFor, type TestApp } from '../helpers/app.js'
import { seedRuns, startRun } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

async function journal (query = ''): Promise<any[]> {
  const response = await app.inject({ method: 'GET', url: `/_emulator/requests${query}` })
  if (response.statusCode !== 200) throw new Error(response.body)
  return response.json().requests
}

describe('GET /_emulator/requests', () => {
  it('records a request with its answer, the virtual time and the organization', async () => {
    app = await buildTestApp()
    const headers = await authHeaders(app)
    app.clock.advance(1500)
    await app.inject({ method: 'GET', url: '/v1/organization?x=1&x=2', headers: { ...headers, 'x-test': 'yes' } })
    const [record] = await journal('?path=/v1/organization')
    expect(record).toEqual({
      id: expect.stringMatching(/^req-\d+$/),
      at: '2024-01-01T00:00:01.500Z',
      method: 'GET',
      path: '/v1/organization',
      query: { x: ['1', '2'] },
      status: 200,
      durationMs: expect.any(Number),
      orgId: DEFAULT_ORG_ID,
      runId: null,
      fault: null,
      request: { headers: expect.objectContaining({ 'x-test': 'yes', authorization: '[redacted]' }), body: null, truncated: false },
      response: { body: { ok: true, organization: { id: DEFAULT_ORG_ID, name: 'Demo organization' } }, truncated: false },
    })
  })

  it('lists requests in the order they arrived', async () => {
    app = await buildTestApp()
    for (const url of ['/a', '/b', '/c']) await app.inject({ method: 'GET', url })
    expect((await journal()).map((r) => r.path)).toEqual(['/a', '/b', '/c'])
  })

  it('keeps the newest matches with limit, still oldest first', async () => {
    app = await buildTestApp()
    for (const url of ['/a', '/b', '/c']) await app.inject({ method: 'GET', url })
    expect((await journal('?limit=2')).map((r) => r.path)).toEqual(['/b', '/c'])
  })

  it.each([
    ['method', '?method=post', ['POST /v1/auth/access_token', 'POST /v1/actions/runs/r_1/logs']],
    ['exact path', '?path=/v1/actions/runs/r_1', ['GET /v1/actions/runs/r_1']],
    ['path pattern', '?path=/v1/actions/runs/*', ['GET /v1/actions/runs/r_1', 'POST /v1/actions/runs/r_1/logs']],
    ['status', '?status=401', ['GET /v1/organization']],
  ])('filters by %s', async (_name, query, expected) => {
    app = await buildTestApp()
    const headers = await authHeaders(app)
    await app.inject({ method: 'GET', url: '/v1/actions/runs/r_1', headers })
    await app.inject({ method: 'POST', url: '/v1/actions/runs/r_1/logs', headers, payload: { message: 'hi' } })
    await app.inject({ method: 'GET', url: '/v1/organization' })
    expect((await journal(query)).map((r) => `${r.method} ${r.path}`)).toEqual(expected)
  })

  it('ties requests to the run in their path, the run they created, or their run_id parameter', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const runId = await startRun(f)
    await f.call('PATCH', `/v1/actions/runs/${runId}`, { statusLabel: 'Working' })
    await f.call('GET', `/v1/audit-log?run_id=${runId}`)
    await f.call('GET', '/v1/actions/runs')
    expect((await journal(`?run_id=${runId}`)).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/actions/create_microservice/runs', `PATCH /v1/actions/runs/${runId}`, 'GET /v1/audit-log',
    ])
  })

  it('filters by organization, counting the token request of its credentials', async () => {
    app = await buildTestApp()
    const headers = await authHeaders(app)
    await app.inject({ method: 'GET', url: '/v1/organization', headers })
    await app.inject({ method: 'GET', url: '/v1/organization' })
    expect((await journal(`?org=${DEFAULT_ORG_ID}`)).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /v1/auth/access_token 200', 'GET /v1/organization 200',
    ])
  })

  it('records the JSON body a client sent', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const runId = await startRun(f)
    await f.call('POST', `/v1/actions/runs/${runId}/logs`, { message: 'step 1' })
    const [record] = await journal(`?method=POST&path=/v1/actions/runs/${runId}/logs`)
    expect(record.request.body).toEqual({ message: 'step 1' })
  })

  it('cuts bodies longer than the limit and says so', async () => {
    app = await buildTestApp()
    await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId: 'x'.repeat(JOURNAL_BODY_LIMIT), clientSecret: 's' } })
    const [record] = await journal()
    expect(record.request).toMatchObject({ truncated: true, body: expect.stringMatching(/^{"clientId":"x+$/) })
    expect(record.request.body).toHaveLength(JOURNAL_BODY_LIMIT)
  })

  it('does not record reading or clearing the journal, nor health checks', async () => {
    app = await buildTestApp()
    await app.inject({ method: 'GET', url: '/_emulator/requests' })
    await app.inject({ method: 'DELETE', url: '/_emulator/requests' })
    await app.inject({ method: 'GET', url: '/_emulator/health' })
    await app.inject({ method: 'GET', url: '/_emulator/deliveries' })
    expect((await journal()).map((r) => r.path)).toEqual(['/_emulator/deliveries'])
  })

  it('keeps only the newest requestJournalSize requests', async () => {
    app = await buildTestApp({ config: { requestJournalSize: 2 } })
    for (const url of ['/a', '/b', '/c', '/d']) await app.inject({ method: 'GET', url })
    expect((await journal()).map((r) => r.path)).toEqual(['/c', '/d'])
  })

  it('uses the request id that x-trace-id carries', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/_emulator/deliveries' })
    expect((await journal()).map((r) => r.id)).toEqual([response.headers['x-trace-id']])
  })

  it('gives unique ids across apps that serve one emulator', async () => {
    app = await buildTestApp()
    await app.inject({ method: 'GET', url: '/a' })
    const second = buildApp({ emulator: app.emulator })
    await second.inject({ method: 'GET', url: '/b' })
    await second.close()
    const ids = (await journal()).map((r) => r.id)
    expect(new Set(ids).size).toBe(2)
  })

  it('answers 422 for a bad filter', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/_emulator/requests?limit=0' })
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toMatch(/limit/)
  })
})

describe('secrets in the request journal', () => {
  it('redacts the client secret sent for a token and the token it returned', async () => {
    app = await buildTestApp()
    const token = await tokenFor(app)
    const [record] = await journal()
    expect(record.request.body).toEqual({ clientId: 'demo-client-id', clientSecret: '[redacted]' })
    expect(record.response.body).toMatchObject({ ok: true, accessToken: '[redacted]' })
    expect(JSON.stringify(record)).not.toContain(token)
  })

  it.each([
    ['a token quoted in a body', { message: 'TOKEN' }],
    ['the client secret quoted in a body', { message: 'my secret is demo-client-secret' }],
    ['the admin token quoted in a body', { message: 'admin: admin-token-123' }],
    ['a secret field, at any depth', { a: { b: [{ ClientSecret: 'hidden-value' }] } }],
  ])('redacts %s', async (_name, payload) => {
    app = await buildTestApp({ config: { adminToken: 'admin-token-123' } })
    const token = await tokenFor(app)
    const body = JSON.parse(JSON.stringify(payload).replace('TOKEN', token))
    await app.inject({ method: 'POST', url: '/v1/anything', payload: body })
    const response = await app.inject({ method: 'GET', url: '/_emulator/requests?path=/v1/anything', headers: { authorization: 'Bearer admin-token-123' } })
    expect(response.body).not.toMatch(new RegExp(`${token}|demo-client-secret|admin-token-123|hidden-value`))
  })

  it('redacts the admin token of control requests', async () => {
    app = await buildTestApp({ config: { adminToken: 'admin-token-123' } })
    const headers = { authorization: 'Bearer admin-token-123' }
    await app.inject({ method: 'GET', url: '/_emulator/clock', headers })
    const response = await app.inject({ method: 'GET', url: '/_emulator/requests', headers })
    expect(response.json().requests[0].request.headers.authorization).toBe('[redacted]')
    expect(response.body).not.toContain('admin-token-123')
  })
})

describe('DELETE /_emulator/requests', () => {
  it('empties the journal', async () => {
    app = await buildTestApp()
    await app.inject({ method: 'GET', url: '/a' })
    const response = await app.inject({ method: 'DELETE', url: '/_emulator/requests' })
    expect(response.json()).toEqual({ ok: true })
    expect(await journal()).toEqual([])
  })
})

describe('the journal and state exports', () => {
  it('keeps the client secrets of a state export out of the journal', async () => {
    app = await buildTestApp()
    await app.inject({ method: 'GET', url: '/_emulator/state' })
    const text = (await app.inject({ method: 'GET', url: '/_emulator/requests' })).body
    expect([text.includes('/_emulator/state'), text.includes('demo-client-secret')]).toEqual([true, false])
  })
})
