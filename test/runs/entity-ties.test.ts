// Entity writes with `run_id`: tied while the run is IN_PROGRESS, refused (and nothing written) otherwise.
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const entity = { identifier: 'svc-a', title: 'svc-a', properties: { region: 'eu-west-1' } }

/** Every entity write route, with `run_id` on it. */
const writes: Array<[string, (f: RunFixture, runId: string) => Promise<{ statusCode: number }>]> = [
  ['create', (f, id) => f.call('POST', `/v1/blueprints/microservice/entities?run_id=${id}`, entity)],
  ['upsert', (f, id) => f.call('POST', `/v1/blueprints/microservice/entities?upsert=true&run_id=${id}`, { ...entity, identifier: 'my-microservice' })],
  ['PUT', (f, id) => f.call('PUT', `/v1/blueprints/microservice/entities/my-microservice?run_id=${id}`, { title: 'x', properties: {} })],
  ['PATCH', (f, id) => f.call('PATCH', `/v1/blueprints/microservice/entities/my-microservice?run_id=${id}`, { properties: { region: 'us-east-1' } })],
  ['DELETE', (f, id) => f.call('DELETE', `/v1/blueprints/microservice/entities/my-microservice?run_id=${id}`)],
  ['bulk create', (f, id) => f.call('POST', `/v1/blueprints/microservice/entities/bulk?run_id=${id}`, { entities: [entity] })],
  ['bulk delete', (f, id) => f.call('POST', `/v1/blueprints/microservice/bulk/entities/delete?run_id=${id}`, { entities: ['my-microservice'] })],
]

async function catalogOf (f: RunFixture): Promise<unknown> {
  return (await f.call('GET', '/v1/blueprints/microservice/entities')).body.entities
}

describe('tying entity writes to a run', () => {
  it.each(writes)('%s with the run_id of an IN_PROGRESS run is recorded against the run', async (_name, write) => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const runId = await startRun(f)
    expect((await write(f, runId)).statusCode).toBeLessThan(300)
    const audits = (await f.call('GET', `/v1/audit-log?run_id=${runId}&resources=entity`)).body.audits
    expect(audits.length).toBeGreaterThan(0)
  })

  it.each(writes)('%s with the run_id of an ended run answers 422 and writes nothing', async (_name, write) => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const runId = await startRun(f)
    await f.call('PATCH', `/v1/actions/runs/${runId}`, { status: 'SUCCESS' })
    const before = await catalogOf(f)
    expect((await write(f, runId)).statusCode).toBe(422)
    expect(await catalogOf(f)).toEqual(before)
  })

  it('refuses a write tied to a run that waits for approval', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    await f.call('POST', '/v1/actions', makeAction({ requiredApproval: true }))
    const runId = await startRun(f, 'scaffold', { properties: { name: 'x' } })
    expect((await writes[0]![1](f, runId)).statusCode).toBe(422)
  })

  it('answers 404 for a run_id that names no run', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    expect((await writes[0]![1](f, 'r_nothing00000000')).statusCode).toBe(404)
  })

  it("lists the run's affected entities in the audit log with before and after", async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const runId = await startRun(f)
    await f.call('POST', `/v1/blueprints/microservice/entities?run_id=${runId}`, entity)
    await f.call('PATCH', `/v1/blueprints/microservice/entities/svc-a?run_id=${runId}`, { properties: { region: 'us-east-1' } })
    const { audits } = (await f.call('GET', `/v1/audit-log?run_id=${runId}&resources=entity`)).body
    expect(audits.map((a: any) => [a.action, a.identifier, a.context.runId, a.diff.before?.properties.region ?? null, a.diff.after.properties.region]))
      .toEqual([['UPDATE', 'svc-a', runId, 'eu-west-1', 'us-east-1'], ['CREATE', 'svc-a', runId, null, 'eu-west-1']])
  })
})
