import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

async function running (): Promise<{ f: RunFixture, id: string }> {
  app = await buildTestApp()
  const f = await seedRuns(app)
  return { f, id: await startRun(f) }
}

describe('PATCH /v1/actions/runs/{id}', () => {
  it('replaces link on every PATCH instead of appending', async () => {
    const { f, id } = await running()
    await f.call('PATCH', `/v1/actions/runs/${id}`, { link: ['https://a.example', 'https://b.example'] })
    const { body } = await f.call('PATCH', `/v1/actions/runs/${id}`, { link: ['https://c.example'] })
    expect(body.run.link).toEqual(['https://c.example'])
  })

  it('accepts link as a single string', async () => {
    const { f, id } = await running()
    expect((await f.call('PATCH', `/v1/actions/runs/${id}`, { link: 'https://a.example' })).body.run.link).toEqual(['https://a.example'])
  })

  it('keeps the run IN_PROGRESS with a statusLabel alone, and echoes it', async () => {
    const { f, id } = await running()
    const { body } = await f.call('PATCH', `/v1/actions/runs/${id}`, { statusLabel: 'Provisioning' })
    expect([body.run.status, body.run.statusLabel, body.run.endedAt]).toEqual(['IN_PROGRESS', 'Provisioning', null])
  })

  it('stores summary and externalRunId', async () => {
    const { f, id } = await running()
    const { body } = await f.call('PATCH', `/v1/actions/runs/${id}`, { summary: 'All good', externalRunId: 'gh-42' })
    expect(body.run).toMatchObject({ summary: 'All good', externalRunId: 'gh-42' })
  })

  it('answers in the v2 shape when asked', async () => {
    const { f, id } = await running()
    const { body } = await f.call('PATCH', `/v1/actions/runs/${id}?version=v2`, { status: 'FAILURE', summary: 'boom' })
    expect(body.run).toEqual({
      id,
      status: 'FAILURE',
      blueprint: { identifier: 'microservice', title: 'Service', icon: 'Microservice' },
      action: { identifier: 'create_microservice', title: 'Create Microservice', icon: null },
      endedAt: '2024-01-01T00:00:00.000Z',
      source: 'API',
      link: [],
      summary: 'boom',
      requiredApproval: false,
      approval: null,
      properties: { name: 'svc', region: 'eu-west-1' },
      payload: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      createdBy: 'demo-client-id',
      updatedBy: 'demo-client-id',
    })
  })

  it('ignores unknown query parameters', async () => {
    const { f, id } = await running()
    expect((await f.call('PATCH', `/v1/actions/runs/${id}?foo=bar&version=v1`, { statusLabel: 'x' })).statusCode).toBe(200)
  })

  it.each([
    [{ status: 'DONE' }, 'body/status must be one of: "SUCCESS", "FAILURE"'],
    [{ links: ['x'] }, 'body/links is not allowed'],
    [{ summary: { text: 'x' } }, 'body/summary must be string'],
  ])('returns 422 naming the field for %j', async (payload, message) => {
    const { f, id } = await running()
    expect((await f.call('PATCH', `/v1/actions/runs/${id}`, payload)).body).toEqual({ ok: false, error: 'invalid_request', message })
  })

  it('returns 404 not_found for an unknown run', async () => {
    const { f } = await running()
    expect((await f.call('PATCH', '/v1/actions/runs/r_doesnotexist0000', { status: 'SUCCESS' })).body).toEqual({ ok: false, error: 'not_found', message: 'Run with id "r_doesnotexist0000" was not found' })
  })

  it('marks the action deleted in the v2 run once the action is gone', async () => {
    const { f, id } = await running()
    await f.call('DELETE', '/v1/actions/create_microservice')
    expect((await f.call('GET', `/v1/actions/runs/${id}?version=v2`)).body.run.action).toEqual({ identifier: 'create_microservice', title: null, icon: null, deleted: true })
  })
})

describe('run logs', () => {
  it('pages logs oldest first with limit and offset', async () => {
    const { f, id } = await running()
    for (let i = 0; i < 5; i++) await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: `line ${i}` })
    const { body } = await f.call('GET', `/v1/actions/runs/${id}/logs?limit=2&offset=1`)
    expect(body.runLogs.map((l: { message: string }) => l.message)).toEqual(['line 1', 'line 2'])
  })

  it('returns 422 for a limit above 50', async () => {
    const { f, id } = await running()
    expect((await f.call('GET', `/v1/actions/runs/${id}/logs?limit=51`)).statusCode).toBe(422)
  })

  it('sets the statusLabel given with a log', async () => {
    const { f, id } = await running()
    await f.call('POST', `/v1/actions/runs/${id}/logs`, { message: 'step 2', statusLabel: 'Step 2 of 3' })
    expect((await f.call('GET', `/v1/actions/runs/${id}`)).body.run.statusLabel).toBe('Step 2 of 3')
  })

  it('returns 404 for the logs of an unknown run', async () => {
    const { f } = await running()
    expect((await f.call('POST', '/v1/actions/runs/r_nope/logs', { message: 'x' })).statusCode).toBe(404)
  })
})
