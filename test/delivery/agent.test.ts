import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const claim = (f: RunFixture, body: Record<string, unknown> = {}) =>
  f.call('POST', '/v1/actions/runs/claim-pending', { installationId: 'org_portEmulatorDemo', limit: 10, visibilityTimeoutMs: 30_000, ...body })

/** A run of an agent action, queued (its delivery journaled) and ready to claim. */
async function queued (): Promise<{ f: RunFixture, runId: string }> {
  app = await buildTestApp({ delivery: true })
  const f = await seedRuns(app, [])
  await f.call('POST', '/v1/actions', makeAction({ invocationMethod: { type: 'WEBHOOK', url: 'http://127.0.0.1:9/agent-target', agent: true, body: { runId: '{{ .run.id }}' } } }))
  const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
  await eventually(async () => (await f.call('GET', `/_emulator/deliveries?run_id=${runId}`)).body.deliveries[0])
  return { f, runId }
}

describe('polling agents', () => {
  it('hand a queued run to claim-pending with its rendered payload and a lease', async () => {
    const { f, runId } = await queued()
    const { body } = await claim(f)
    expect(body.runs).toHaveLength(1)
    expect(body.runs[0]).toMatchObject({
      id: runId,
      status: 'IN_PROGRESS',
      pendingExecution: true,
      claimedUntil: '2024-01-01T00:00:30.000Z',
      payload: { type: 'WEBHOOK', url: 'http://127.0.0.1:9/agent-target', agent: true, body: { runId } },
    })
  })

  it('do not hand the same run out again while its lease lasts', async () => {
    const { f } = await queued()
    await claim(f)
    app.clock.advance(29_999)
    expect((await claim(f)).body.runs).toEqual([])
  })

  it('hand an unacknowledged run out again once its lease expires', async () => {
    const { f, runId } = await queued()
    await claim(f)
    app.clock.advance(30_000)
    expect((await claim(f)).body.runs.map((r: { id: string }) => r.id)).toEqual([runId])
  })

  it('never hand out an acknowledged run again', async () => {
    const { f, runId } = await queued()
    await claim(f)
    expect((await f.call('PATCH', '/v1/actions/runs/ack', { runIds: [runId] })).body).toEqual({ ok: true, ackedCount: 1 })
    app.clock.advance(60_000)
    expect((await claim(f)).body.runs).toEqual([])
  })

  it('answer 409 to a second acknowledgement of one run', async () => {
    const { f, runId } = await queued()
    await f.call('PATCH', '/v1/actions/runs/ack', { runId })
    expect((await f.call('PATCH', '/v1/actions/runs/ack', { runId })).statusCode).toBe(409)
  })

  it('skip already acknowledged runs in a list', async () => {
    const { f, runId } = await queued()
    await f.call('PATCH', '/v1/actions/runs/ack', { runId })
    expect((await f.call('PATCH', '/v1/actions/runs/ack', { runIds: [runId] })).body.ackedCount).toBe(0)
  })

  it('keep ended runs out of the queue', async () => {
    const { f, runId } = await queued()
    await f.call('PATCH', `/v1/actions/runs/${runId}`, { status: 'FAILURE' })
    expect((await claim(f)).body.runs).toEqual([])
  })

  it('store the response an agent reports for a synchronized webhook', async () => {
    const { f, runId } = await queued()
    const { body } = await f.call('PATCH', `/v1/actions/runs/${runId}/response`, { response: { ok: 1 } })
    expect(body.run.response).toEqual({ ok: 1 })
  })

  it('journal the queued invocation as an agent delivery', async () => {
    const { f, runId } = await queued()
    const [record] = (await f.call('GET', `/_emulator/deliveries?run_id=${runId}`)).body.deliveries
    expect([record.kind, JSON.parse(record.body)]).toEqual(['agent', { runId }])
  })
})
