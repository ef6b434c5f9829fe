// A small catalog to search: three services created days apart, a library they may relate to, and a search call.
import { TEST_START } from './app.js'
import { catalogClient, makeBlueprint, seedEntities, type Client } from './catalog.js'

export const DAY = 24 * 60 * 60 * 1000
/** When each service was created: alpha at the start, beta two days later, gamma ten days later (the clock stays there). */
export const CREATED = { alpha: TEST_START, beta: TEST_START + 2 * DAY, gamma: TEST_START + 10 * DAY }
export const iso = (ms: number): string => new Date(ms).toISOString()

/** The services `alpha`, `beta`, `gamma` and the library `lib1`, which `alpha` uses. */
export async function searchFixture (): Promise<Client> {
  const client = await catalogClient(
    makeBlueprint({ identifier: 'library', title: 'Library', schema: { properties: {} } }),
    makeBlueprint({
      schema: {
        properties: {
          language: { type: 'string' },
          replicas: { type: 'number' },
          tags: { type: 'array' },
          since: { type: 'string', format: 'date-time' },
          deadline: { type: 'string', format: 'timer' },
        },
      },
      relations: { lib: { target: 'library' } },
    })
  )
  await seedEntities(client, 'library', [{ identifier: 'lib1', title: 'Lib One' }])
  await seedEntities(client, 'service', [{
    identifier: 'alpha',
    title: 'Alpha',
    icon: 'Go',
    team: ['payments'],
    properties: { language: 'Go', replicas: 1, tags: ['web', 'api'], since: '2023-06-01T00:00:00.000Z', deadline: '2023-01-01T00:00:00.000Z' },
    relations: { lib: 'lib1' },
  }])
  client.app.clock.advance(CREATED.beta - CREATED.alpha)
  await seedEntities(client, 'service', [{
    identifier: 'beta',
    title: 'Beta',
    team: ['search', 'payments'],
    properties: { language: 'Python', replicas: 3, tags: ['batch'], since: '2024-01-01T00:00:00.000Z', deadline: '2030-01-01T00:00:00.000Z' },
  }])
  client.app.clock.advance(CREATED.gamma - CREATED.beta)
  await seedEntities(client, 'service', [{ identifier: 'gamma', title: 'Gamma', properties: { language: 'TypeScript', replicas: 5, tags: [] } }])
  return client
}

/** Identifiers found by `POST /v1/entities/search` for the given rules, and the status. */
export async function search (client: Client, query: unknown): Promise<{ status: number, ids: string[], body: Record<string, unknown> }> {
  const response = await client.post('/v1/entities/search', query)
  const body = response.json<Record<string, unknown>>()
  const entities = (body.entities ?? []) as Array<{ identifier: string }>
  return { status: response.statusCode, ids: entities.map((e) => e.identifier), body }
}

/** Rules restricted to the `service` blueprint. */
export const services = (...rules: unknown[]): unknown => ({
  combinator: 'and',
  rules: [{ property: '$blueprint', operator: '=', value: 'service' }, ...rules],
})
