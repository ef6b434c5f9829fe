// The "Reflect action progress" page's run examples, replayed over real HTTP.
import { afterEach, describe, expect, it } from 'vitest'
import { tokenFor } from '../helpers/app.js'
import { serveTestApp, type Served } from '../helpers/http.js'
import { seedRuns } from '../helpers/runs.js'
import { normalized } from '../helpers/shape.js'
import { createRunResponse, day2RunResponse, logResponse, patchBody, patchResponse } from '../helpers/seed-doc.js'

let served: Served
let token: string
afterEach(async () => { await served?.app.close() })

async function setup (): Promise<void> {
  served = await serveTestApp()
  await seedRuns(served.app)
  token = await tokenFor(served.app)
}

const call = (method: string, path: string, body?: unknown) => served.request(method, path, body, token)
const machine = 'demo-client-id'

async function invokeAsSeedUser (action: string, body: unknown): Promise<string> {
  const { status, body: answer } = await call('POST', `/v1/actions/${action}/runs?run_as=test@test.com`, body)
  expect(status).toBe(202)
  return answer.run.id
}

describe('the seed, replayed', () => {
  it('answers GET run of a CREATE run with the seed\'s shape', async () => {
    await setup()
    const id = await invokeAsSeedUser('create_microservice', { properties: { name: 'my-microservice', region: 'eu-west-1' } })
    expect(normalized((await call('GET', `/v1/actions/runs/${id}`)).body)).toEqual(normalized(createRunResponse))
  })

  it('answers GET run of a DAY-2 run with the seed\'s shape, entity included', async () => {
    await setup()
    const id = await invokeAsSeedUser('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } })
    expect(normalized((await call('GET', `/v1/actions/runs/${id}`)).body)).toEqual(normalized(day2RunResponse))
  })

  it('answers the logs of a new run with an empty list', async () => {
    await setup()
    const id = await invokeAsSeedUser('create_microservice', { properties: { name: 'my-microservice', region: 'eu-west-1' } })
    expect((await call('GET', `/v1/actions/runs/${id}/logs`)).body).toEqual({ ok: true, runLogs: [] })
  })

  it('answers the PATCH with status, link and message as the seed shows, endedAt set', async () => {
    await setup()
    const id = await invokeAsSeedUser('create_microservice', { properties: { name: 'my-microservice', region: 'eu-west-1' } })
    served.app.clock.advance(60_000)
    const { status, body } = await call('PATCH', `/v1/actions/runs/${id}`, patchBody)
    expect(status).toBe(200)
    expect(normalized(body)).toEqual(normalized({ ...patchResponse, run: { ...patchResponse.run, updatedBy: machine } }))
    expect(body.run.endedAt).toBe(body.run.updatedAt)
  })

  it('answers a log POST with the seed\'s runLog and lists it', async () => {
    await setup()
    const id = await invokeAsSeedUser('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } })
    const posted = await call('POST', `/v1/actions/runs/${id}/logs`, { message: 'my new log message' })
    expect(posted.status).toBe(201)
    expect(normalized(posted.body)).toEqual(normalized({ ...logResponse, runLog: { ...logResponse.runLog, createdBy: machine } }))
    expect((await call('GET', `/v1/actions/runs/${id}/logs`)).body).toEqual({ ok: true, runLogs: [posted.body.runLog] })
  })

  it('ends the run with a termination log, after which it can no longer be modified', async () => {
    await setup()
    const id = await invokeAsSeedUser('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } })
    await call('POST', `/v1/actions/runs/${id}/logs`, { message: 'my new log message with final status', terminationStatus: 'SUCCESS' })
    const run = (await call('GET', `/v1/actions/runs/${id}`)).body.run
    expect([run.status, typeof run.endedAt]).toEqual(['SUCCESS', 'string'])
    expect((await call('PATCH', `/v1/actions/runs/${id}`, { statusLabel: 'again' })).status).toBe(422)
  })

  it('keeps emoji and other UTF-8 in log messages intact', async () => {
    await setup()
    const id = await invokeAsSeedUser('create_microservice', { properties: { name: 'x' } })
    const message = 'déployé 🚀 — 完成 ✅'
    await call('POST', `/v1/actions/runs/${id}/logs`, { message })
    expect((await call('GET', `/v1/actions/runs/${id}/logs`)).body.runLogs[0].message).toBe(message)
  })
})
