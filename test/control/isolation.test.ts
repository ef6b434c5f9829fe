// Two organizations in one emulator: neither can see or change the other's data, route family by route family.
import { afterEach, describe, expect, it } from 'vitest'
import { type TestApp } from '../helpers/app.js'
import { seededApp, tokenHeaders } from '../helpers/seeded.js'

let app: TestApp
afterEach(async () => { await app?.close() })

interface World { a: { authorization: string }, b: { authorization: string }, runId: string }

/** Platform (a) owns a run with a log; data (b) is the outsider. */
async function world (): Promise<World> {
  app = await seededApp()
  const a = await tokenHeaders(app, 'platform-client-id', 'platform-client-secret')
  const b = await tokenHeaders(app, 'data-client-id', 'data-client-secret')
  const { run } = (await app.inject({ method: 'POST', url: '/v1/actions/scale_service/runs', headers: a, payload: { entity: 'checkout', properties: { replicas: 2 } } })).json()
  await app.inject({ method: 'POST', url: `/v1/actions/runs/${run.id as string}/logs`, headers: a, payload: { message: 'hi' } })
  return { a, b, runId: run.id }
}

type Probe = [string, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', (w: World) => string, object?]
const notFound: Probe[] = [
  ['blueprint', 'GET', () => '/v1/blueprints/microservice'],
  ['blueprint change', 'PATCH', () => '/v1/blueprints/microservice', { title: 'Mine now' }],
  ['entity', 'GET', () => '/v1/blueprints/microservice/entities/checkout'],
  ['entity change', 'PATCH', () => '/v1/blueprints/microservice/entities/checkout', { properties: { replicas: 0 } }],
  ['entity delete', 'DELETE', () => '/v1/blueprints/microservice/entities/checkout'],
  ['blueprint search', 'POST', () => '/v1/blueprints/microservice/entities/search', {}],
  ['action', 'GET', () => '/v1/actions/scale_service'],
  ['legacy actions', 'GET', () => '/v1/blueprints/microservice/actions'],
  ['invocation', 'POST', () => '/v1/actions/create_microservice/runs', { properties: { name: 'x' } }],
  ['run', 'GET', (w) => `/v1/actions/runs/${w.runId}`],
  ['run change', 'PATCH', (w) => `/v1/actions/runs/${w.runId}`, { status: 'FAILURE' }],
  ['run logs', 'GET', (w) => `/v1/actions/runs/${w.runId}/logs`],
  ['run log write', 'POST', (w) => `/v1/actions/runs/${w.runId}/logs`, { message: 'x' }],
  ['approval', 'PATCH', (w) => `/v1/actions/runs/${w.runId}/approval`, { status: 'APPROVE' }],
  ['approvers', 'GET', (w) => `/v1/actions/runs/${w.runId}/approvers`],
  ['run response', 'PATCH', (w) => `/v1/actions/runs/${w.runId}/response`, { response: {} }],
  ['entity write tied to the run', 'POST', (w) => `/v1/blueprints/pipeline/entities?run_id=${w.runId}`, { identifier: 'x' }],
]

type ListProbe = [string, (w: World) => string, (body: any) => unknown[]]
const lists: ListProbe[] = [
  ['blueprints', () => '/v1/blueprints', (b) => b.blueprints.map((x: any) => x.identifier)],
  ['actions', () => '/v1/actions', (b) => b.actions],
  ['runs', () => '/v1/actions/runs', (b) => b.runs],
  ['runs by entity', () => '/v1/actions/runs?entity=checkout', (b) => b.runs],
  ['audit log of the run', (w) => `/v1/audit-log?run_id=${w.runId}`, (b) => b.audits],
  ['audit log', () => '/v1/audit-log?resources=run', (b) => b.audits],
]

describe('organization isolation', () => {
  it.each(notFound)("answers 404 to another organization's %s", async (_name, method, url, payload) => {
    const w = await world()
    const response = await app.inject({ method, url: url(w), headers: w.b, ...(payload !== undefined ? { payload } : {}) })
    expect([response.statusCode, response.json().error]).toEqual([404, 'not_found'])
  })

  it.each(lists)("never lists another organization's %s", async (_name, url, pick) => {
    const w = await world()
    const body = (await app.inject({ method: 'GET', url: url(w), headers: w.b })).json()
    expect(pick(body)).not.toContainEqual(expect.objectContaining({ id: w.runId }))
    expect(JSON.stringify(pick(body))).not.toMatch(/microservice|scale_service|checkout/)
  })

  it('keeps entity search within the organization', async () => {
    const w = await world()
    const body = (await app.inject({ method: 'POST', url: '/v1/entities/search', headers: w.b, payload: { combinator: 'and', rules: [] } })).json()
    expect(body.entities.map((e: any) => e.identifier)).toEqual(['nightly-etl'])
  })

  it("hands out only the organization's own runs to agents", async () => {
    const w = await world()
    const body = (await app.inject({ method: 'POST', url: '/v1/actions/runs/claim-pending', headers: w.b, payload: { installationId: 'x' } })).json()
    expect(body.runs).toEqual([])
  })

  it('lets both organizations use the same identifiers without clashing', async () => {
    const w = await world()
    const response = await app.inject({ method: 'POST', url: '/v1/blueprints', headers: w.b, payload: { identifier: 'microservice', title: 'Theirs', schema: { properties: {} } } })
    expect(response.statusCode).toBe(201)
    expect((await app.inject({ method: 'GET', url: '/v1/blueprints/microservice', headers: w.a })).json().blueprint.title).toBe('Service')
  })

  it("keeps one organization's changes out of the other's state after the change is refused", async () => {
    const w = await world()
    await app.inject({ method: 'PATCH', url: `/v1/actions/runs/${w.runId}`, headers: w.b, payload: { status: 'FAILURE' } })
    expect((await app.inject({ method: 'GET', url: `/v1/actions/runs/${w.runId}`, headers: w.a })).json().run.status).toBe('IN_PROGRESS')
  })
})
