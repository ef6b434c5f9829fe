import { afterEach, describe, expect, it } from 'vitest'
import { type TestApp } from '../helpers/app.js'
import { seededApp, tokenHeaders } from '../helpers/seeded.js'

let apps: TestApp[] = []
afterEach(async () => { await Promise.all(apps.map((a) => a.close())); apps = [] })

async function start (): Promise<TestApp> {
  const app = await seededApp()
  apps.push(app)
  return app
}

const state = async (app: TestApp) => (await app.inject({ method: 'GET', url: '/_emulator/state' })).json()

/** Changes to every kind of state: an entity, a blueprint, a run with a log, an action. */
async function changeEverything (app: TestApp): Promise<void> {
  const headers = await tokenHeaders(app, 'platform-client-id', 'platform-client-secret')
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) })
  await send('POST', '/v1/blueprints/microservice/entities', { identifier: 'new-one', properties: { region: 'us-east-1' } })
  await send('DELETE', '/v1/blueprints/microservice/entities/checkout')
  await send('POST', '/v1/blueprints', { identifier: 'extra', title: 'Extra', schema: { properties: {} } })
  const { run } = (await send('POST', '/v1/actions/create_microservice/runs', { properties: { name: 'x' } })).json()
  await send('POST', `/v1/actions/runs/${run.id as string}/logs`, { message: 'hello' })
  await send('DELETE', '/v1/actions/scale_service')
}

describe('POST /_emulator/reset', () => {
  it('brings back exactly the seeded state after changes', async () => {
    const app = await start()
    const seeded = await state(app)
    await changeEverything(app)
    expect((await app.inject({ method: 'POST', url: '/_emulator/reset', payload: {} })).json()).toEqual({ ok: true, organizations: ['org_platformTeam0001', 'org_dataTeam00000001'] })
    expect(await state(app)).toEqual(seeded)
  })

  it('resets one organization and leaves the others as they are', async () => {
    const app = await start()
    const headers = await tokenHeaders(app, 'data-client-id', 'data-client-secret')
    await app.inject({ method: 'DELETE', url: '/v1/blueprints/pipeline/entities/nightly-etl', headers })
    await changeEverything(app)
    await app.inject({ method: 'POST', url: '/_emulator/reset', payload: { org: 'org_dataTeam00000001' } })
    expect((await app.inject({ method: 'GET', url: '/v1/blueprints/pipeline/entities/nightly-etl', headers })).statusCode).toBe(200)
    expect((await state(app)).organizations[0].entities.map((e: { identifier: string }) => e.identifier)).toContain('new-one')
  })

  it('keeps tokens valid across a reset', async () => {
    const app = await start()
    const headers = await tokenHeaders(app, 'data-client-id', 'data-client-secret')
    await app.inject({ method: 'POST', url: '/_emulator/reset' })
    expect((await app.inject({ method: 'GET', url: '/v1/blueprints', headers })).statusCode).toBe(200)
  })

  it('answers 404 for an organization that does not exist', async () => {
    const app = await start()
    expect((await app.inject({ method: 'POST', url: '/_emulator/reset', payload: { org: 'org_nope' } })).statusCode).toBe(404)
  })
})

describe('GET and PUT /_emulator/state', () => {
  it('gives identical API answers after export and import into a fresh emulator', async () => {
    const first = await start()
    await changeEverything(first)
    const snapshot = await state(first)
    const second = await start()
    expect((await second.inject({ method: 'PUT', url: '/_emulator/state', payload: snapshot })).statusCode).toBe(200)
    const urls = ['/v1/blueprints', '/v1/blueprints/microservice/entities', '/v1/actions', '/v1/actions/runs?version=v2', '/v1/audit-log', '/v1/blueprints/microservice/actions']
    const answers = async (app: TestApp) => {
      const headers = await tokenHeaders(app, 'platform-client-id', 'platform-client-secret')
      return Promise.all(urls.map(async (url) => (await app.inject({ method: 'GET', url, headers })).json()))
    }
    expect(await answers(second)).toEqual(await answers(first))
  })

  it('keeps run logs and their ids through export and import', async () => {
    const first = await start()
    await changeEverything(first)
    const snapshot = await state(first)
    const second = await start()
    await second.inject({ method: 'PUT', url: '/_emulator/state', payload: snapshot })
    expect(await state(second)).toEqual(snapshot)
  })

  it.each([
    [{ format: 'port-emulator-state', version: 2, organizations: [] }, 'body/version'],
    [{ organizations: [] }, 'body/format'],
    [{ format: 'port-emulator-state', version: 1, organizations: [{ organization: { id: 'x' } }] }, 'body/organizations/0'],
  ])('refuses an import that is not a snapshot of this version: %j', async (payload, field) => {
    const app = await start()
    const response = await app.inject({ method: 'PUT', url: '/_emulator/state', payload })
    expect([response.statusCode, response.json().message]).toEqual([422, expect.stringContaining(field)])
  })
})
