import { afterEach, describe, expect, it } from 'vitest'
import { authHeaders, buildTestApp, type TestApp, type TestAppOptions } from '../helpers/app.js'
import { serveTestApp } from '../helpers/http.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
afterEach(async () => { await app?.close() })

async function withFaults (faults: Array<Record<string, unknown>>, options: TestAppOptions = {}): Promise<{ authorization: string }> {
  app = await buildTestApp(options)
  const headers = await authHeaders(app)
  for (const fault of faults) {
    const response = await app.inject({ method: 'POST', url: '/_emulator/faults', payload: fault })
    if (response.statusCode !== 201) throw new Error(response.body)
  }
  return headers
}

async function statuses (requests: Array<[method: 'GET' | 'POST', url: string]>, headers: Record<string, string>): Promise<number[]> {
  const out: number[] = []
  for (const [method, url] of requests) out.push((await app.inject({ method, url, headers })).statusCode)
  return out
}

const organization = (n: number): Array<['GET', string]> => Array.from({ length: n }, () => ['GET', '/v1/organization'])

describe('injected faults', () => {
  it('return an injected 429 once to the matching route, with rate-limit headers, then serve normally', async () => {
    const headers = await withFaults([{ method: 'GET', path: '/v1/organization', status: 429, times: 1, retryAfterSeconds: 2 }])
    const first = await app.inject({ method: 'GET', url: '/v1/organization', headers })
    const second = await app.inject({ method: 'GET', url: '/v1/organization', headers })
    expect([first.statusCode, second.statusCode]).toEqual([429, 200])
    expect(first.json()).toEqual({ ok: false, error: 'too_many_requests', message: 'Too Many Requests (injected by fault_1)' })
    expect(first.headers).toMatchObject({
      'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-period': '60', 'x-ratelimit-reset': '2', 'retry-after': '2',
    })
  })

  it.each([
    [500, 'internal_error'],
    [502, 'bad_gateway'],
    [503, 'service_unavailable'],
    [404, 'not_found'],
  ])('answer %i with Port\'s error envelope named %s', async (status, error) => {
    const headers = await withFaults([{ path: '/v1/organization', status }])
    const response = await app.inject({ method: 'GET', url: '/v1/organization', headers })
    expect(response.statusCode).toBe(status)
    expect(response.json()).toMatchObject({ ok: false, error })
  })

  it('answer with the error, message and headers they were given', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503, error: 'maintenance', message: 'Back soon', headers: { 'retry-after': '30' } }])
    const response = await app.inject({ method: 'GET', url: '/v1/organization', headers })
    expect(response.json()).toEqual({ ok: false, error: 'maintenance', message: 'Back soon' })
    expect(response.headers['retry-after']).toBe('30')
  })

  it.each([
    ['/v1/organization', '/v1/organization', true],
    ['/v1/organization', '/v1/organizations', false],
    ['/v1/actions/runs/*', '/v1/actions/runs/r_1/logs', true],
    ['/v1/actions/runs/*', '/v1/actions/runs', false],
    ['/v1/actions/*/runs', '/v1/actions/deploy/runs', true],
    ['*', '/anything', true],
    ['/v1/a.c', '/v1/abc', false],
  ])('with path %s, %s to %s', async (path, url, hit) => {
    await withFaults([{ path, status: 503 }])
    const response = await app.inject({ method: 'GET', url: `${url}?q=1` })
    expect(response.statusCode === 503).toBe(hit)
  })

  it('match only their method when they name one', async () => {
    const headers = await withFaults([{ method: 'POST', path: '/v1/organization', status: 503 }])
    expect(await statuses([['GET', '/v1/organization'], ['POST', '/v1/organization']], headers)).toEqual([200, 503])
  })

  it('never apply to /_emulator routes', async () => {
    await withFaults([{ path: '*', status: 503 }])
    const list = await app.inject({ method: 'GET', url: '/_emulator/faults' })
    const clear = await app.inject({ method: 'DELETE', url: '/_emulator/faults' })
    expect([list.statusCode, clear.statusCode]).toEqual([200, 200])
  })

  it('apply until removed when times is not given', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503 }])
    expect(await statuses(organization(3), headers)).toEqual([503, 503, 503])
  })

  it('apply with their probability, counting only hits towards times', async () => {
    const draws = [0.9, 0.1, 0.9, 0.1, 0.1]
    const headers = await withFaults([{ path: '/v1/organization', status: 503, probability: 0.5, times: 2 }], { random: () => draws.shift() ?? 0 })
    expect(await statuses(organization(5), headers)).toEqual([200, 503, 200, 503, 200])
  })

  it('never apply with probability 0', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503, probability: 0 }], { random: () => 0 })
    expect(await statuses(organization(2), headers)).toEqual([200, 200])
  })

  it('apply the first matching fault added', async () => {
    const headers = await withFaults([{ path: '/v1/*', status: 502, times: 1 }, { path: '/v1/organization', status: 503, times: 1 }])
    expect(await statuses(organization(3), headers)).toEqual([502, 503, 200])
  })

  it('are named in the journal records of the requests they hit', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 429, times: 1 }])
    await statuses(organization(2), headers)
    const journal = await app.inject({ method: 'GET', url: '/_emulator/requests?path=/v1/organization' })
    expect(journal.json().requests.map((r: { status: number, fault: string | null }) => [r.status, r.fault])).toEqual([[429, 'fault_1'], [200, null]])
  })
})

describe('/_emulator/faults', () => {
  it('lists active faults with every default filled in', async () => {
    await withFaults([{ path: '/v1/*', delayMs: 5 }])
    const response = await app.inject({ method: 'GET', url: '/_emulator/faults' })
    expect(response.json()).toEqual({
      ok: true,
      faults: [{
        id: 'fault_1',
        method: null,
        path: '/v1/*',
        times: null,
        remaining: null,
        probability: 1,
        delayMs: 5,
        status: null,
        error: null,
        message: null,
        headers: {},
        drop: false,
        applied: 0,
      }],
    })
  })

  it('counts hits and drops a fault once it has fired its last time', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503, times: 2 }])
    await statuses(organization(1), headers)
    const during = await app.inject({ method: 'GET', url: '/_emulator/faults/fault_1' })
    await statuses(organization(1), headers)
    const after = await app.inject({ method: 'GET', url: '/_emulator/faults' })
    expect(during.json().fault).toMatchObject({ applied: 1, remaining: 1 })
    expect(after.json().faults).toEqual([])
  })

  it('removes one fault by id', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503 }])
    const removed = await app.inject({ method: 'DELETE', url: '/_emulator/faults/fault_1' })
    expect(removed.json()).toEqual({ ok: true })
    expect(await statuses(organization(1), headers)).toEqual([200])
  })

  it('removes every fault', async () => {
    const headers = await withFaults([{ path: '/v1/organization', status: 503 }, { path: '*', status: 500 }])
    await app.inject({ method: 'DELETE', url: '/_emulator/faults' })
    expect(await statuses(organization(1), headers)).toEqual([200])
  })

  it.each([
    ['GET', '/_emulator/faults/fault_9'],
    ['DELETE', '/_emulator/faults/fault_9'],
  ] as const)('answers 404 to %s of an unknown fault', async (method, url) => {
    app = await buildTestApp()
    const response = await app.inject({ method, url })
    expect(response.statusCode).toBe(404)
    expect(response.json().error).toBe('not_found')
  })

  it.each([
    ['no effect', { path: '/v1/x' }, 'body must have one of delayMs, status or drop'],
    ['drop with a status', { path: '/v1/x', drop: true, status: 503 }, 'body/drop'],
    ['a message without a status', { path: '/v1/x', delayMs: 1, message: 'm' }, 'body/message needs status'],
    ['a control route', { path: '/_emulator/clock', status: 500 }, 'body/path'],
    ['a relative path', { path: 'v1/x', status: 500 }, 'body/path'],
    ['a status below 400', { path: '/v1/x', status: 302 }, 'body/status'],
    ['a probability above 1', { path: '/v1/x', status: 500, probability: 2 }, 'body/probability'],
    ['times 0', { path: '/v1/x', status: 500, times: 0 }, 'body/times'],
    ['a lower-case method', { path: '/v1/x', status: 500, method: 'get' }, 'body/method'],
    ['no path', { status: 500 }, 'body/path'],
  ])('refuses %s with 422 naming the field', async (_name, payload, message) => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'POST', url: '/_emulator/faults', payload })
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })
})

describe('injected faults on a real socket', () => {
  it('delay a matching request by at least delayMs', async () => {
    const served = await serveTestApp()
    app = served.app
    await served.request('POST', '/_emulator/faults', { path: '/_missing', delayMs: 200, times: 1 })
    const started = performance.now()
    const response = await served.request('GET', '/_missing')
    expect(performance.now() - started).toBeGreaterThanOrEqual(195)
    expect(response.status).toBe(404)
  })

  it('drop the connection without an answer, then serve the next request', async () => {
    const served = await serveTestApp()
    app = served.app
    await served.request('POST', '/_emulator/faults', { path: '/drop-me', drop: true, times: 1 })
    const dropped = await served.request('GET', '/drop-me').then(() => 'answered', (error: Error & { cause?: { code?: string } }) => error.cause?.code)
    const next = await served.request('GET', '/drop-me')
    expect([dropped, next.status]).toEqual(['UND_ERR_SOCKET', 404])
  })

  it('leave a journal record without a status for a dropped request', async () => {
    const served = await serveTestApp()
    app = served.app
    await served.request('POST', '/_emulator/faults', { path: '/gone', drop: true })
    await served.request('GET', '/gone').catch(() => undefined)
    const journal = await served.request('GET', '/_emulator/requests?path=/gone')
    expect(journal.body.requests.map((r: { status: number | null, fault: string }) => [r.status, r.fault])).toEqual([[null, 'fault_1']])
  })

  it('do not hold up closing: a delayed request is answered at once', async () => {
    const served = await serveTestApp()
    app = served.app
    await served.request('POST', '/_emulator/faults', { path: '/slow', delayMs: 300_000 })
    const pending = served.request('GET', '/slow')
    await eventually(() => app.emulator.requestJournal.entries().find((e) => e.url === '/slow'))
    await app.close()
    expect((await pending).status).toBe(404)
  })
})
