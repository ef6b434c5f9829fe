import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_ORG_ID } from '../../src/emulator.js'
import type { Ctx } from '../../src/domain/context.js'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { seedRuns, startRun } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

function ctxOf (a: TestApp): Ctx {
  const org = a.emulator.orgs.get(DEFAULT_ORG_ID)
  if (org === undefined) throw new Error('no org')
  return { emulator: a.emulator, org, actor: { userId: 'demo-client-id', isMachine: true } }
}

describe('GET /v1/audit-log', () => {
  it('records an entity change tied to a run, with the run in its context', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const id = await startRun(f)
    const after = { identifier: 'svc', blueprint: 'microservice' }
    app.emulator.entityWrites.afterWrite(ctxOf(app), id, { action: 'CREATE', blueprint: 'microservice', identifier: 'svc', before: null, after })
    const { body } = await f.call('GET', `/v1/audit-log?run_id=${id}&resources=entity`)
    expect(body).toEqual({
      ok: true,
      audits: [{
        identifier: 'svc',
        action: 'CREATE',
        resourceType: 'entity',
        status: 'SUCCESS',
        trigger: { by: { orgId: DEFAULT_ORG_ID, userId: 'demo-client-id' }, origin: 'API', at: '2024-01-01T00:00:00.000Z' },
        context: { blueprint: 'microservice', entity: 'svc', runId: id },
        diff: { before: null, after },
      }],
    })
  })

  it('records run creation and updates as run resources', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const id = await startRun(f)
    await f.call('PATCH', `/v1/actions/runs/${id}`, { status: 'SUCCESS' })
    const { body } = await f.call('GET', `/v1/audit-log?run_id=${id}&resources=run&includes=action&includes=identifier`)
    expect(body.audits).toEqual([{ action: 'UPDATE', identifier: id }, { action: 'CREATE', identifier: id }])
  })

  it.each([
    ['?entity=svc', 1],
    ['?blueprint=microservice&resources=entity', 1],
    ['?identifier=other', 0],
    ['?action=DELETE', 0],
    ['?from=2030-01-01T00:00:00.000Z', 0],
    ['?limit=1', 1],
  ])('filters with %s', async (query, count) => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    app.emulator.entityWrites.afterWrite(ctxOf(app), undefined, { action: 'CREATE', blueprint: 'microservice', identifier: 'svc', before: null, after: {} })
    expect((await f.call('GET', `/v1/audit-log${query}`)).body.audits).toHaveLength(count)
  })
})
