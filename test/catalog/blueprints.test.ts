// Blueprint routes: create/read/list, PUT and PATCH semantics, delete, and Port's identifier rules.
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, SEED_MICROSERVICE, type Client } from '../helpers/catalog.js'
import { TEST_START } from '../helpers/app.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const CREATED = new Date(TEST_START).toISOString()
const LATER = new Date(TEST_START + 60_000).toISOString()
const meta = (updatedAt = CREATED) => ({ createdAt: CREATED, createdBy: 'demo-client-id', updatedAt, updatedBy: 'demo-client-id' })

describe('POST /v1/blueprints', () => {
  it('creates the seed microservice blueprint and reads it back with identical content plus meta fields', async () => {
    client = await catalogClient()
    const created = await client.post('/v1/blueprints', SEED_MICROSERVICE)
    const read = await client.get('/v1/blueprints/microservice')
    expect(created.statusCode).toBe(201)
    expect(created.json()).toEqual({ ok: true, blueprint: { ...SEED_MICROSERVICE, ...meta() } })
    expect(read.json()).toEqual({ ok: true, blueprint: { ...SEED_MICROSERVICE, ...meta() } })
  })

  it('fills relations, mirror and calculation properties with {} and defaults relation flags to false', async () => {
    client = await catalogClient(SEED_MICROSERVICE)
    const response = await client.post('/v1/blueprints', { identifier: 'svc', title: 'Svc', schema: { properties: {} }, relations: { ms: { target: 'microservice' } } })
    expect(response.json().blueprint).toMatchObject({ relations: { ms: { target: 'microservice', required: false, many: false } }, mirrorProperties: {}, calculationProperties: {} })
  })

  it('keeps unknown top-level fields such as ownership and teamInheritance', async () => {
    client = await catalogClient()
    await client.post('/v1/blueprints', makeBlueprint({ ownership: { type: 'Direct', title: 'team' }, teamInheritance: { path: 'team' } }))
    const read = await client.get('/v1/blueprints/service')
    expect(read.json().blueprint).toMatchObject({ ownership: { type: 'Direct', title: 'team' }, teamInheritance: { path: 'team' } })
  })

  it('returns 409 when the identifier exists', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.post('/v1/blueprints', makeBlueprint())
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ ok: false, error: 'identifier_taken', message: 'A blueprint with identifier "service" already exists' })
  })

  it.each([
    ['contains =', 'a=b', 'body/identifier must match pattern'],
    ['is ..', '..', 'body/identifier must match pattern'],
    ['is 101 characters long', 'x'.repeat(101), 'body/identifier must NOT have more than 100 characters'],
  ])('returns 422 when the identifier %s', async (_case, identifier, message) => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint({ identifier }))
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })

  it.each(['Dienst_ü', 'a/b:c@d+e', 'x'.repeat(100)])('accepts the identifier %s', async (identifier) => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint({ identifier }))
    expect(response.statusCode).toBe(201)
  })

  it.each([
    ['a property key with a space', { schema: { properties: { 'bad key': { type: 'string' } } } }, 'body/schema/properties: the key "bad key" must match pattern'],
    ['an unknown property type', { schema: { properties: { x: { type: 'date' } } } }, 'body/schema/properties/x/type must be one of: "string", "number", "boolean", "object", "array"'],
    ['an unknown format', { schema: { properties: { x: { type: 'string', format: 'phone' } } } }, 'body/schema/properties/x/format must be one of'],
    ['a title of 101 characters', { title: 'x'.repeat(101) }, 'body/title must NOT have more than 100 characters'],
    ['a relation without target', { relations: { r: { many: true } } }, 'body/relations/r/target is required'],
  ])('returns 422 for %s', async (_case, overrides, message) => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint(overrides))
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })
})

describe('GET /v1/blueprints', () => {
  it('lists the blueprints in creation order', async () => {
    client = await catalogClient(SEED_MICROSERVICE, makeBlueprint())
    const response = await client.get('/v1/blueprints')
    expect(response.json().blueprints.map((b: { identifier: string }) => b.identifier)).toEqual(['microservice', 'service'])
  })

  it('returns 404 not_found for a missing blueprint', async () => {
    client = await catalogClient()
    const response = await client.get('/v1/blueprints/nope')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Blueprint with identifier "nope" was not found' })
  })
})

describe('PUT /v1/blueprints/{identifier}', () => {
  it('replaces the definition, keeps createdAt and moves updatedAt', async () => {
    client = await catalogClient(SEED_MICROSERVICE)
    client.app.clock.advance(60_000)
    const body = { title: 'Microservice', schema: { properties: {} } }
    const response = await client.put('/v1/blueprints/microservice', body)
    expect(response.statusCode).toBe(200)
    expect(response.json().blueprint).toEqual({ identifier: 'microservice', ...body, relations: {}, mirrorProperties: {}, calculationProperties: {}, ...meta(LATER) })
  })

  it('returns 404 for a missing blueprint', async () => {
    client = await catalogClient()
    const response = await client.put('/v1/blueprints/nope', makeBlueprint())
    expect(response.statusCode).toBe(404)
  })
})

describe('PATCH /v1/blueprints/{identifier}', () => {
  it('adds one relation and keeps the others, as clients patching a single relation expect', async () => {
    client = await catalogClient(SEED_MICROSERVICE, makeBlueprint({ relations: { ms: { target: 'microservice' } } }))
    const response = await client.patch('/v1/blueprints/service', { relations: { other: { target: 'microservice', many: true } } })
    expect(Object.keys(response.json().blueprint.relations)).toEqual(['ms', 'other'])
  })

  it('merges schema properties key by key and replaces the title', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.patch('/v1/blueprints/service', { title: 'Services', schema: { properties: { tier: { type: 'number' } } } })
    expect(response.json().blueprint.title).toBe('Services')
    expect(Object.keys(response.json().blueprint.schema.properties)).toEqual(['language', 'replicas', 'owner', 'tier'])
  })
})

describe('DELETE /v1/blueprints/{identifier}', () => {
  it('deletes a blueprint without entities', async () => {
    client = await catalogClient(makeBlueprint())
    const response = await client.delete('/v1/blueprints/service')
    expect(response.json()).toEqual({ ok: true })
    expect((await client.get('/v1/blueprints/service')).statusCode).toBe(404)
  })

  it('refuses with has_dependents while the blueprint has entities', async () => {
    client = await catalogClient(makeBlueprint())
    await client.post('/v1/blueprints/service/entities', makeEntity())
    const response = await client.delete('/v1/blueprints/service')
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({ ok: false, error: 'has_dependents', message: expect.stringContaining('has 1 entities') })
  })

  it('refuses with has_dependents while another blueprint relates to it', async () => {
    client = await catalogClient(SEED_MICROSERVICE, makeBlueprint({ relations: { ms: { target: 'microservice' } } }))
    const response = await client.delete('/v1/blueprints/microservice')
    expect(response.json()).toMatchObject({ error: 'has_dependents', message: 'Blueprint "microservice" is the target of relation "ms" of blueprint "service"' })
  })
})
