// An entity's life through the API: create, duplicate, upsert (replace and merge), PUT, PATCH, DELETE and count.
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_START } from '../helpers/app.js'
import { catalogClient, makeBlueprint, makeEntity, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const url = '/v1/blueprints/service/entities'
const T0 = new Date(TEST_START).toISOString()
const T1 = new Date(TEST_START + 1000).toISOString()
const by = 'demo-client-id'
const stored = { identifier: 'checkout', title: 'Checkout', icon: null, blueprint: 'service', team: ['payments'], properties: { language: 'Go', replicas: 2 }, relations: {} }

async function withCheckout (): Promise<Client> {
  const c = await catalogClient(makeBlueprint())
  await c.post(url, makeEntity({ team: 'payments', properties: { language: 'Go', replicas: 2 } }))
  c.app.clock.advance(1000)
  return c
}

describe('POST …/entities', () => {
  it('creates an entity: 201 with the whole entity, team as an array and meta fields', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(url, makeEntity({ team: 'payments', properties: { language: 'Go', replicas: 2 } }))
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ ok: true, entity: { ...stored, createdAt: T0, createdBy: by, updatedAt: T0, updatedBy: by } })
  })

  it('returns 409 when the identifier exists and upsert is not set', async () => {
    client = await withCheckout()
    const response = await client.post(url, makeEntity())
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ ok: false, error: 'identifier_taken', message: 'An entity with identifier "checkout" already exists in blueprint "service"' })
  })

  it('with upsert=true replaces the entity, keeping only the given fields', async () => {
    client = await withCheckout()
    const response = await client.post(`${url}?upsert=true`, { identifier: 'checkout', properties: { replicas: 3 } })
    expect(response.statusCode).toBe(201)
    expect(response.json().entity).toEqual({ ...stored, title: null, team: [], properties: { replicas: 3 }, createdAt: T0, createdBy: by, updatedAt: T1, updatedBy: by })
  })

  it('with upsert=true&merge=true updates only the given fields', async () => {
    client = await withCheckout()
    const response = await client.post(`${url}?upsert=true&merge=true`, { identifier: 'checkout', properties: { replicas: 3 } })
    expect(response.statusCode).toBe(201)
    expect(response.json().entity).toEqual({ ...stored, properties: { language: 'Go', replicas: 3 }, createdAt: T0, createdBy: by, updatedAt: T1, updatedBy: by })
  })

  it('with upsert=false (sent as the string "false") still refuses an existing identifier', async () => {
    client = await withCheckout()
    const response = await client.post(`${url}?upsert=false&merge=true`, makeEntity())
    expect(response.statusCode).toBe(409)
  })

  it('generates an identifier of e_ and 16 characters when none is given', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(url, { title: 'Anonymous' })
    expect(response.json().entity.identifier).toMatch(/^e_[A-Za-z0-9]{16}$/)
  })

  it('with validation_only=true answers as a create would and stores nothing', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post(`${url}?validation_only=true`, makeEntity())
    expect(response.json().entity.identifier).toBe('checkout')
    expect((await client.get(`${url}/checkout`)).statusCode).toBe(404)
  })

  it('returns 404 when the blueprint does not exist', async () => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints/ghost/entities', makeEntity())
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Blueprint with identifier "ghost" was not found' })
  })
})

describe('an identifier with a slash', () => {
  it('is created, then read, patched and deleted through its URL-encoded form', async () => {
    client = await catalogClient(makeBlueprint())
    await client.post(url, makeEntity({ identifier: 'team-a/checkout:v2' }))
    const read = await client.get(`${url}/${encodeURIComponent('team-a/checkout:v2')}`)
    const patched = await client.patch(`${url}/team-a%2Fcheckout%3Av2`, { title: 'Renamed' })
    const deleted = await client.delete(`${url}/team-a%2Fcheckout%3Av2`)
    expect(read.json().entity.identifier).toBe('team-a/checkout:v2')
    expect(patched.json().entity.title).toBe('Renamed')
    expect(deleted.json()).toEqual({ ok: true })
  })
})

describe('PUT …/entities/{id}', () => {
  it('replaces the entity with the body', async () => {
    client = await withCheckout()
    const response = await client.put(`${url}/checkout`, { title: 'New', properties: { language: 'Python' } })
    expect(response.statusCode).toBe(200)
    expect(response.json().entity).toEqual({ ...stored, title: 'New', team: [], properties: { language: 'Python' }, createdAt: T0, createdBy: by, updatedAt: T1, updatedBy: by })
  })

  it('returns 404 for an entity that does not exist', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.put(`${url}/ghost`, makeEntity())
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Entity with identifier "ghost" was not found in blueprint "service"' })
  })

  it('returns 422 when the body names another identifier', async () => {
    client = await withCheckout()
    const response = await client.put(`${url}/checkout`, makeEntity({ identifier: 'other' }))
    expect(response.statusCode).toBe(422)
  })
})

describe('PATCH …/entities/{id}', () => {
  it('updates the given fields and merges properties', async () => {
    client = await withCheckout()
    const response = await client.patch(`${url}/checkout`, { icon: 'Go', properties: { replicas: 5 } })
    expect(response.statusCode).toBe(200)
    expect(response.json().entity).toEqual({ ...stored, icon: 'Go', properties: { language: 'Go', replicas: 5 }, createdAt: T0, createdBy: by, updatedAt: T1, updatedBy: by })
  })

  it.each([
    ['a team name', 'platform', ['platform']],
    ['a list of teams', ['a', 'b'], ['a', 'b']],
    ['null', null, []],
  ])('stores team given as %s as an array', async (_case, team, expected) => {
    client = await withCheckout()
    const response = await client.patch(`${url}/checkout`, { team })
    expect(response.json().entity.team).toEqual(expected)
  })

  it('returns 422 for a field Port does not accept in a PATCH body', async () => {
    client = await withCheckout()
    const response = await client.patch(`${url}/checkout`, { blueprint: 'service' })
    expect(response.json()).toEqual({ ok: false, error: 'invalid_request', message: 'body/blueprint is not allowed' })
  })
})

describe('DELETE …/entities/{id} and the count', () => {
  it('deletes the entity', async () => {
    client = await withCheckout()
    const response = await client.delete(`${url}/checkout`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true })
    expect((await client.get(`${url}/checkout`)).statusCode).toBe(404)
  })

  it('returns 404 for an entity that does not exist', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.delete(`${url}/ghost`)
    expect(response.statusCode).toBe(404)
  })

  it('counts the entities of a blueprint', async () => {
    client = await withCheckout()
    await client.post(url, makeEntity({ identifier: 'cart' }))
    const response = await client.get('/v1/blueprints/service/entities-count')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, count: 2 })
  })
})
