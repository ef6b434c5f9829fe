// Bulk create (200, or 207 with per-item errors), bulk delete (all or nothing) and delete all entities.
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, seedEntities, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const bulk = '/v1/blueprints/service/entities/bulk'
const bulkDelete = '/v1/blueprints/service/bulk/entities/delete'
const ids = async (c: Client): Promise<string[]> =>
  (await c.get('/v1/blueprints/service/entities')).json().entities.map((e: { identifier: string }) => e.identifier)

describe('POST …/entities/bulk', () => {
  it('answers 200 with one result per entity when all are written', async () => {
    client = await catalogClient(makeBlueprint())
    await seedEntities(client, 'service', [makeEntity({ identifier: 'a' })])
    const response = await client.post(`${bulk}?upsert=true`, { entities: [makeEntity({ identifier: 'a' }), makeEntity({ identifier: 'b' })] })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, entities: [{ identifier: 'a', index: 0, created: false }, { identifier: 'b', index: 1, created: true }], errors: [] })
  })

  it('answers 207 listing the failed items and writes the others', async () => {
    client = await catalogClient(makeBlueprint())
    await seedEntities(client, 'service', [makeEntity({ identifier: 'taken' })])
    const entities = [makeEntity({ identifier: 'ok' }), makeEntity({ identifier: 'bad', properties: { replicas: 'x' } }), makeEntity({ identifier: 'taken' }), { relations: { nope: 'x' } }]
    const response = await client.post(bulk, { entities })
    expect(response.statusCode).toBe(207)
    expect(response.json()).toEqual({
      ok: false,
      entities: [{ identifier: 'ok', index: 0, created: true }],
      errors: [
        { identifier: 'bad', index: 1, statusCode: 422, error: 'invalid_request', message: '"properties/replicas" must be of type number' },
        { identifier: 'taken', index: 2, statusCode: 409, error: 'identifier_taken', message: 'An entity with identifier "taken" already exists in blueprint "service"' },
        { identifier: 'unknown', index: 3, statusCode: 404, error: 'not_found', message: 'Relation "nope" was not found in blueprint "service"' },
      ],
    })
    expect(await ids(client)).toEqual(['taken', 'ok'])
  })

  it('lets a later item relate to an entity created earlier in the same request', async () => {
    client = await catalogClient(makeBlueprint({ relations: { parent: { target: 'service' } } }))
    const response = await client.post(bulk, { entities: [makeEntity({ identifier: 'p' }), makeEntity({ identifier: 'c', relations: { parent: 'p' } })] })
    expect(response.statusCode).toBe(200)
  })

  it('with validation_only=true writes nothing', async () => {
    client = await catalogClient(makeBlueprint())
    await client.post(`${bulk}?validation_only=true`, { entities: [makeEntity()] })
    expect(await ids(client)).toEqual([])
  })

  it.each([
    ['more than 20 entities', { entities: Array.from({ length: 21 }, (_, i) => makeEntity({ identifier: `e${i}` })) }, 'body/entities must NOT have more than 20 items'],
    ['no entities', { entities: [] }, 'body/entities must NOT have fewer than 1 items'],
    ['an identifier that breaks the pattern', { entities: [makeEntity({ identifier: 'a b' })] }, 'body/entities/0/identifier must match pattern'],
  ])('returns 422 for %s', async (_case, body, message) => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(bulk, body)
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })
})

describe('POST …/bulk/entities/delete', () => {
  it('deletes the entities and lists them', async () => {
    client = await catalogClient(makeBlueprint())
    await seedEntities(client, 'service', ['a', 'b', 'c'].map((identifier) => makeEntity({ identifier })))
    const response = await client.post(bulkDelete, { entities: ['a', 'c', 'ghost'] })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, deletedEntities: ['a', 'c'] })
    expect(await ids(client)).toEqual(['b'])
  })

  it('deletes nothing when one entity has dependents and delete_dependents is not set', async () => {
    client = await catalogClient(makeBlueprint({ relations: { parent: { target: 'service', required: true } } }))
    await seedEntities(client, 'service', [makeEntity({ identifier: 'p', relations: { parent: 'p' } }), makeEntity({ identifier: 'lone', relations: { parent: 'p' } }), makeEntity({ identifier: 'c', relations: { parent: 'p' } })])
    const response = await client.post(bulkDelete, { entities: ['lone', 'p'] })
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ ok: false, error: 'has_dependents' })
    expect(await ids(client)).toEqual(['p', 'lone', 'c'])
  })

  it('returns 422 for more than 100 identifiers', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(bulkDelete, { entities: Array.from({ length: 101 }, (_, i) => `e${i}`) })
    expect(response.json().message).toBe('body/entities must NOT have more than 100 items')
  })
})

describe('DELETE …/all-entities', () => {
  it('deletes every entity of the blueprint', async () => {
    client = await catalogClient(makeBlueprint())
    await seedEntities(client, 'service', ['a', 'b'].map((identifier) => makeEntity({ identifier })))
    const response = await client.delete('/v1/blueprints/service/all-entities')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
    expect(await ids(client)).toEqual([])
  })

  it('with delete_blueprint=true deletes the blueprint too', async () => {
    client = await catalogClient(makeBlueprint())
    await seedEntities(client, 'service', [makeEntity()])
    await client.delete('/v1/blueprints/service/all-entities?delete_blueprint=true')
    expect((await client.get('/v1/blueprints/service')).statusCode).toBe(404)
  })

  it('refuses when an entity of another blueprint requires one of them', async () => {
    client = await catalogClient(makeBlueprint(), makeBlueprint({ identifier: 'deploy', relations: { svc: { target: 'service', required: true } } }))
    await seedEntities(client, 'service', [makeEntity()])
    await seedEntities(client, 'deploy', [{ identifier: 'd', relations: { svc: 'checkout' } }])
    const response = await client.delete('/v1/blueprints/service/all-entities')
    expect(response.json()).toMatchObject({ ok: false, error: 'has_dependents' })
    expect(await ids(client)).toEqual(['checkout'])
  })
})
