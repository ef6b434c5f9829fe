// Builders and a small authenticated client for catalog tests: blueprints, entities and requests.
import type { LightMyRequestResponse } from 'fastify'
import { authHeaders, buildTestApp, type TestApp } from './app.js'

type Json = Record<string, unknown>

/** The `microservice` blueprint of Port's "Reflect action progress" page, exactly as documented. */
export { microserviceBlueprint as SEED_MICROSERVICE } from './seed-doc.js'

/** A blueprint body: `service` with a few typed properties, overridable field by field. */
export function makeBlueprint (overrides: Json = {}): Json {
  return {
    identifier: 'service',
    title: 'Service',
    schema: {
      properties: {
        language: { type: 'string', enum: ['Go', 'Python', 'TypeScript'] },
        replicas: { type: 'number', minimum: 0 },
        owner: { type: 'string', format: 'email' },
      },
      required: [],
    },
    relations: {},
    ...overrides,
  }
}

/** An entity body, overridable field by field. */
export function makeEntity (overrides: Json = {}): Json {
  return { identifier: 'checkout', title: 'Checkout', properties: { language: 'Go' }, relations: {}, ...overrides }
}

/** An authenticated client over `app.inject`. */
export interface Client {
  app: TestApp
  get: (url: string) => Promise<LightMyRequestResponse>
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>
  put: (url: string, payload: unknown) => Promise<LightMyRequestResponse>
  patch: (url: string, payload: unknown) => Promise<LightMyRequestResponse>
  delete: (url: string) => Promise<LightMyRequestResponse>
}

/** A fresh app and a client for it, with the given blueprints already created (in order). */
export async function catalogClient (...blueprints: Json[]): Promise<Client> {
  const app = await buildTestApp()
  let headers = await authHeaders(app)
  let issuedAt = app.clock.now()
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => async (url: string, payload?: unknown) => {
    if (app.clock.now() - issuedAt > 60 * 60 * 1000) { // tests move the clock by days; tokens live 3 hours
      headers = await authHeaders(app)
      issuedAt = app.clock.now()
    }
    return await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as Json } : {}) })
  }
  const client: Client = { app, get: send('GET'), post: send('POST'), put: send('PUT'), patch: send('PATCH'), delete: send('DELETE') }
  for (const blueprint of blueprints) {
    const response = await client.post('/v1/blueprints', blueprint)
    if (response.statusCode !== 201) throw new Error(`blueprint setup failed: ${response.body}`)
  }
  return client
}

/** Creates entities through the API and fails loudly if one is refused. */
export async function seedEntities (client: Client, blueprint: string, entities: Json[]): Promise<void> {
  for (const entity of entities) {
    const response = await client.post(`/v1/blueprints/${blueprint}/entities`, entity)
    if (response.statusCode !== 201) throw new Error(`entity setup failed: ${response.body}`)
  }
}
