import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_RUNNER_URL } from '../../src/delivery/demo-runner.js'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { seedRuns, type RunFixture } from '../helpers/runs.js'
import { createMicroservice, deployMicroservice } from '../helpers/seed-doc.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const demo = { type: 'WEBHOOK', agent: false, url: DEMO_RUNNER_URL }

async function withDemoRunner (): Promise<RunFixture> {
  app = await buildTestApp({ delivery: true })
  return seedRuns(app, [{ ...createMicroservice, invocationMethod: demo }, { ...deployMicroservice, invocationMethod: demo }])
}

async function finished (f: RunFixture, runId: string): Promise<Record<string, any>> {
  return eventually(async () => {
    const run = (await f.call('GET', `/v1/actions/runs/${runId}`)).body.run
    return run.status === 'IN_PROGRESS' ? undefined : run
  })
}

describe('the built-in demo runner', () => {
  it('creates the entity of a CREATE run, tied to the run, and ends it SUCCESS with a link', async () => {
    const f = await withDemoRunner()
    const runId = (await f.invoke('create_microservice', { properties: { name: 'demo svc', region: 'eu-west-1' } })).body.run.id
    expect(await finished(f, runId)).toMatchObject({ status: 'SUCCESS', link: ['https://docs.port.io/actions-and-automations/reflect-action-progress/'] })
    expect((await f.call('GET', '/v1/blueprints/microservice/entities/demo_svc')).body.entity.properties).toEqual({ region: 'eu-west-1' })
  })

  it('updates the entity of a DAY-2 run and records it against the run', async () => {
    const f = await withDemoRunner()
    const runId = (await f.invoke('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } })).body.run.id
    await finished(f, runId)
    const { audits } = (await f.call('GET', `/v1/audit-log?run_id=${runId}&resources=entity`)).body
    expect(audits.map((a: any) => [a.action, a.identifier])).toEqual([['UPDATE', 'my-microservice']])
  })

  it('writes its logs to the run', async () => {
    const f = await withDemoRunner()
    const runId = (await f.invoke('create_microservice', { properties: { name: 'svc', region: 'eu-west-1' } })).body.run.id
    await finished(f, runId)
    expect((await f.call('GET', `/v1/actions/runs/${runId}/logs`)).body.runLogs.map((l: any) => l.message)).toEqual(['Demo runner: ran create_microservice on svc', 'Demo runner: done'])
  })

  it('is reached as a signed webhook that answered 200 once the run had ended, in the journal', async () => {
    const f = await withDemoRunner()
    const runId = (await f.invoke('create_microservice', { properties: { name: 'svc', region: 'eu-west-1' } })).body.run.id
    const [record] = (await f.call('GET', `/_emulator/deliveries?run_id=${runId}&wait_ms=2000`)).body.deliveries
    expect([record.kind, record.url, record.response.status]).toEqual(['webhook', DEMO_RUNNER_URL, 200])
    expect((await f.call('GET', `/v1/actions/runs/${runId as string}`)).body.run.status).toBe('SUCCESS')
  })
})
