// Relations on entity writes: known keys, many/required, existing targets, create_missing_related_entities,
// and deletes with dependents (required relations) and referrers (optional ones).
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, seedEntities, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const url = '/v1/blueprints/service/entities'
const domain = makeBlueprint({ identifier: 'domain', title: 'Domain', schema: { properties: {} } })
const related = (relations: Record<string, unknown>) => makeBlueprint({ relations })

/** `domain` d1, d2 and a `service` whose relation `domain` (required unless said otherwise) points at d1. */
async function withDependent (required = true): Promise<Client> {
  const c = await catalogClient(domain, related({ domain: { target: 'domain', required } }))
  await seedEntities(c, 'domain', [{ identifier: 'd1' }, { identifier: 'd2' }])
  await seedEntities(c, 'service', [makeEntity({ relations: { domain: 'd1' } })])
  return c
}

describe('relations on write', () => {
  it('returns 404 for a relation key the blueprint does not define', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(url, makeEntity({ relations: { invalidRelation: 'dummyTarget' } }))
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Relation "invalidRelation" was not found in blueprint "service"' })
  })

  it('returns 404 when the related entity does not exist', async () => {
    client = await catalogClient(domain, related({ domain: { target: 'domain' } }))
    const response = await client.post(url, makeEntity({ relations: { domain: 'ghost' } }))
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Related entity "ghost" of blueprint "domain" (relation "domain") was not found' })
  })

  it('with create_missing_related_entities=true creates the missing target as a barebones entity', async () => {
    client = await catalogClient(domain, related({ domain: { target: 'domain' } }))
    await client.post(`${url}?create_missing_related_entities=true`, makeEntity({ relations: { domain: 'ghost' } }))
    const target = await client.get('/v1/blueprints/domain/entities/ghost')
    expect(target.json().entity).toMatchObject({ identifier: 'ghost', title: null, blueprint: 'domain', properties: {}, relations: {} })
  })

  it('refuses to create a missing target whose blueprint requires a property', async () => {
    const strict = { ...domain, schema: { properties: { code: { type: 'string' } }, required: ['code'] } }
    client = await catalogClient(strict, related({ domain: { target: 'domain' } }))
    const response = await client.post(`${url}?create_missing_related_entities=true`, makeEntity({ relations: { domain: 'ghost' } }))
    expect(response.json().message).toBe('Cannot create missing related entity "ghost" of blueprint "domain": "properties/code" is required')
  })

  it.each([
    ['a many relation given one identifier', { target: 'domain', many: true }, 'd1', '"relations/domain" must be of type array'],
    ['a single relation given an array of two', { target: 'domain' }, ['d1', 'd1'], '"relations/domain" must be of type string'],
    ['a required relation left out', { target: 'domain', required: true }, undefined, '"relations/domain" is required'],
    ['a required relation set to null', { target: 'domain', required: true }, null, '"relations/domain" is required'],
    ['a required many relation given []', { target: 'domain', required: true, many: true }, [], '"relations/domain" is required'],
    ['a relation given a search query', { target: 'domain' }, { combinator: 'and', rules: [] }, 'given as a search query is not supported'],
  ])('returns 422 for %s', async (_case, relation, value, message) => {
    client = await catalogClient(domain, related({ domain: relation }))
    await seedEntities(client, 'domain', [{ identifier: 'd1' }])
    const response = await client.post(url, makeEntity({ relations: value === undefined ? {} : { domain: value } }))
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })

  it('stores a many relation as an array of identifiers', async () => {
    client = await catalogClient(domain, related({ domains: { target: 'domain', many: true } }))
    await seedEntities(client, 'domain', [{ identifier: 'd1' }, { identifier: 'd2' }])
    const response = await client.post(url, makeEntity({ relations: { domains: ['d1', 'd2'] } }))
    expect(response.json().entity.relations).toEqual({ domains: ['d1', 'd2'] })
  })

  it('merges relations key by key on PATCH', async () => {
    client = await catalogClient(domain, related({ a: { target: 'domain' }, b: { target: 'domain' } }))
    await seedEntities(client, 'domain', [{ identifier: 'd1' }, { identifier: 'd2' }])
    await seedEntities(client, 'service', [makeEntity({ relations: { a: 'd1' } })])
    const response = await client.patch(`${url}/checkout`, { relations: { b: 'd2' } })
    expect(response.json().entity.relations).toEqual({ a: 'd1', b: 'd2' })
  })
})

describe('deleting a related entity', () => {
  it('refuses with has_dependents when an entity requires it', async () => {
    client = await withDependent()
    const response = await client.delete('/v1/blueprints/domain/entities/d1')
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ ok: false, error: 'has_dependents', message: expect.stringContaining('"checkout" of blueprint "service"') })
  })

  it('with delete_dependents=true deletes the dependents too', async () => {
    client = await withDependent()
    const response = await client.delete('/v1/blueprints/domain/entities/d1?delete_dependents=true')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
    expect((await client.get(`${url}/checkout`)).statusCode).toBe(404)
  })

  it('with delete_dependents=true follows dependents of dependents', async () => {
    client = await withDependent()
    await client.patch('/v1/blueprints/service', { relations: { parent: { target: 'service', required: false } } })
    await client.post('/v1/blueprints', makeBlueprint({ identifier: 'deploy', relations: { svc: { target: 'service', required: true } } }))
    await seedEntities(client, 'deploy', [{ identifier: 'dep1', relations: { svc: 'checkout' } }])
    await client.delete('/v1/blueprints/domain/entities/d1?delete_dependents=true')
    expect((await client.get('/v1/blueprints/deploy/entities/dep1')).statusCode).toBe(404)
  })

  it('clears an optional relation that pointed at it and keeps the referring entity', async () => {
    client = await withDependent(false)
    await client.delete('/v1/blueprints/domain/entities/d1')
    const read = await client.get(`${url}/checkout`)
    expect(read.json().entity.relations).toEqual({ domain: null })
  })

  it('is no longer blocked once the dependent points elsewhere', async () => {
    client = await withDependent()
    await client.patch(`${url}/checkout`, { relations: { domain: 'd2' } })
    const response = await client.delete('/v1/blueprints/domain/entities/d1')
    expect(response.statusCode).toBe(200)
  })
})
