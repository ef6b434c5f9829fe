import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_ORG_ID } from '../../src/emulator.js'
import { invoke } from '../../src/domain/runs.js'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { putEntity } from '../helpers/store-fixtures.js'
import { seedRuns, type RunFixture } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

/** `n` DAY-2 runs spread over entities e0..e9, one millisecond apart, through the domain for speed. */
async function manyRuns (n: number): Promise<RunFixture> {
  app = await buildTestApp()
  const f = await seedRuns(app)
  for (let e = 0; e < 10; e++) putEntity(app, { identifier: `e${e}` })
  const org = app.emulator.orgs.get(DEFAULT_ORG_ID)
  if (org === undefined) throw new Error('no org')
  const ctx = { emulator: app.emulator, org, actor: { userId: 'demo-client-id', isMachine: true } }
  for (let i = 0; i < n; i++) {
    app.clock.advance(1)
    invoke(ctx, 'deploy_microservice', { entity: `e${i % 10}`, properties: { environment: `env-${i}` } })
  }
  return f
}

describe('GET /v1/actions/runs', () => {
  it('returns only the runs of the given entity among 10,000, newest first, honouring limit', async () => {
    const f = await manyRuns(10_000)
    const { body } = await f.call('GET', '/v1/actions/runs?entity=e3&limit=25')
    expect(body.runs).toHaveLength(25)
    expect(body.runs.every((r: { entity: { identifier: string } }) => r.entity.identifier === 'e3')).toBe(true)
    expect(body.runs.map((r: { properties: { environment: string } }) => r.properties.environment).slice(0, 3)).toEqual(['env-9993', 'env-9983', 'env-9973'])
  })

  it('orders runs newest first by creation time', async () => {
    const f = await manyRuns(50)
    const times = (await f.call('GET', '/v1/actions/runs?limit=50')).body.runs.map((r: { createdAt: string }) => r.createdAt)
    expect(times).toEqual([...times].sort().reverse())
  })

  it.each([
    ['?active=true', 50],
    ['?active=false', 0],
    ['?action=deploy_microservice&limit=7', 7],
    ['?action=create_microservice', 0],
    ['?user_id=demo-client-id&limit=3', 3],
    ['?blueprint=microservice&entity=e1', 5],
    ['?source=API&source=UI&limit=2', 2],
    ['?source=AUTOMATION', 0],
  ])('applies the filters %s', async (query, count) => {
    const f = await manyRuns(50)
    expect((await f.call('GET', `/v1/actions/runs${query}`)).body.runs).toHaveLength(count)
  })

  it('finds a run by its external id, in the v2 shape', async () => {
    const f = await manyRuns(5)
    const [run] = (await f.call('GET', '/v1/actions/runs?limit=1')).body.runs
    await f.call('PATCH', `/v1/actions/runs/${run.id as string}`, { externalRunId: 'gh-123' })
    const { body } = await f.call('GET', '/v1/actions/runs?version=v2&external_run_id=gh-123')
    expect(body.runs.map((r: { id: string, action: unknown }) => [r.id, r.action])).toEqual([[run.id, { identifier: 'deploy_microservice', title: 'Deploy Microservice', icon: null }]])
  })

  it('leaves out the fields named by exclude', async () => {
    const f = await manyRuns(2)
    const { body } = await f.call('GET', '/v1/actions/runs?exclude=properties&exclude=blueprint')
    expect(Object.keys(body.runs[0])).not.toContain('properties')
  })

  it('returns 422 for a limit out of range', async () => {
    const f = await manyRuns(1)
    expect((await f.call('GET', '/v1/actions/runs?limit=1001')).statusCode).toBe(422)
  })
})
