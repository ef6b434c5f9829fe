// Builders for run tests: the seed's catalog and actions in place, and short calls for the run routes.
import type { App } from '../../src/app.js'
import { authHeaders } from './app.js'
import { addUser, putBlueprint, putEntity } from './store-fixtures.js'
import { createMicroservice, deployMicroservice } from './seed-doc.js'

export interface RunFixture {
  app: App
  headers: { authorization: string }
  invoke: (action: string, body?: Record<string, unknown>, query?: string) => Promise<{ statusCode: number, body: any }>
  call: (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => Promise<{ statusCode: number, body: any }>
}

/** The seed's blueprint, entity, user and both legacy actions, plus call helpers with a token. */
export async function seedRuns (app: App, actions: Array<Record<string, unknown>> = [createMicroservice, deployMicroservice]): Promise<RunFixture> {
  putBlueprint(app)
  putEntity(app)
  addUser(app)
  const headers = await authHeaders(app)
  const call: RunFixture['call'] = async (method, url, payload) => {
    const response = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) })
    return { statusCode: response.statusCode, body: response.body === '' ? undefined : response.json() }
  }
  const put = await call('PUT', '/v1/blueprints/microservice/actions', actions)
  if (put.statusCode !== 200) throw new Error(`actions: ${JSON.stringify(put.body)}`)
  const invoke: RunFixture['invoke'] = (action, body = { properties: {} }, query = '') =>
    call('POST', `/v1/actions/${action}/runs${query}`, body)
  return { app, headers, invoke, call }
}

/** Invokes and returns the new run's id; throws unless the answer is 202. */
export async function startRun (f: RunFixture, action = 'create_microservice', body: Record<string, unknown> = { properties: { name: 'svc', region: 'eu-west-1' } }): Promise<string> {
  const response = await f.invoke(action, body)
  if (response.statusCode !== 202) throw new Error(`invoke: ${JSON.stringify(response.body)}`)
  return response.body.run.id as string
}
