// Blueprint definition rules: immutable property types and relation targets, consistent references, and what
// happens to entities when a property or relation is removed.
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, SEED_MICROSERVICE, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const withLanguage = (type: string) => makeBlueprint({ schema: { properties: { language: { type } } } })

describe('changing a blueprint', () => {
  it.each(['PUT', 'PATCH'] as const)('refuses a property type change through %s with Port\'s message', async (method) => {
    client = await catalogClient(withLanguage('string'))
    const body = { title: 'Service', schema: { properties: { language: { type: 'number' } } } }
    const response = method === 'PUT' ? await client.put('/v1/blueprints/service', body) : await client.patch('/v1/blueprints/service', body)
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({ ok: false, error: 'invalid_request', message: 'The type of property "language" changed from "string" to "number"' })
  })

  it('keeps the stored definition when a type change is refused', async () => {
    client = await catalogClient(withLanguage('string'))
    await client.put('/v1/blueprints/service', withLanguage('number'))
    const read = await client.get('/v1/blueprints/service')
    expect(read.json().blueprint.schema.properties.language).toEqual({ type: 'string' })
  })

  it('allows a property to be removed and added back with another type', async () => {
    client = await catalogClient(withLanguage('string'))
    await client.put('/v1/blueprints/service', makeBlueprint({ schema: { properties: {} } }))
    const response = await client.put('/v1/blueprints/service', withLanguage('number'))
    expect(response.statusCode).toBe(200)
  })

  it('refuses to change the target of a relation', async () => {
    client = await catalogClient(SEED_MICROSERVICE, makeBlueprint({ identifier: 'team' }), makeBlueprint({ relations: { squad: { target: 'team' } } }))
    const response = await client.patch('/v1/blueprints/service', { relations: { squad: { target: 'microservice' } } })
    expect(response.json()).toMatchObject({ error: 'invalid_request', message: 'The target of relation "squad" changed from "team" to "microservice"' })
  })

  it('drops the values of a removed property from existing entities', async () => {
    client = await catalogClient(makeBlueprint())
    await client.post('/v1/blueprints/service/entities', makeEntity({ properties: { language: 'Go', replicas: 2 } }))
    await client.put('/v1/blueprints/service', makeBlueprint({ schema: { properties: { replicas: { type: 'number' } } } }))
    const read = await client.get('/v1/blueprints/service/entities/checkout')
    expect(read.json().entity.properties).toEqual({ replicas: 2 })
  })

  it('drops the values of a removed relation, so its old target can be deleted', async () => {
    client = await catalogClient(SEED_MICROSERVICE, makeBlueprint({ relations: { ms: { target: 'microservice', required: true } } }))
    await client.post('/v1/blueprints/microservice/entities', { identifier: 'm1' })
    await client.post('/v1/blueprints/service/entities', makeEntity({ relations: { ms: 'm1' } }))
    await client.put('/v1/blueprints/service', makeBlueprint())
    const deleted = await client.delete('/v1/blueprints/microservice/entities/m1')
    expect(deleted.statusCode).toBe(200)
    expect((await client.get('/v1/blueprints/service/entities/checkout')).json().entity.relations).toEqual({})
  })
})

describe('a consistent definition', () => {
  it('returns 404 when a relation targets a blueprint that does not exist', async () => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint({ relations: { ms: { target: 'ghost' } } }))
    expect(response.statusCode).toBe(404)
    expect(response.json().message).toBe('Target blueprint "ghost" of relation "ms" was not found')
  })

  it('accepts a relation to the blueprint itself', async () => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint({ relations: { parent: { target: 'service' } } }))
    expect(response.statusCode).toBe(201)
  })

  it.each([
    ['required names an undefined property', { schema: { properties: {}, required: ['ghost'] } }, '"schema/required" names "ghost", which is not a property of the blueprint'],
    ['a property and a relation share an identifier', { schema: { properties: { service: { type: 'string' } } }, relations: { service: { target: 'service' } } }, '"service" is defined more than once'],
    ['a mirror path does not start with a relation', { mirrorProperties: { lang: { path: 'nothing.language' } } }, 'The path of mirror property "lang" must start with a relation'],
    ['a pattern is not a valid regular expression', { schema: { properties: { name: { type: 'string', pattern: '(' } } } }, '"schema/properties" is not a valid schema'],
  ])('returns 422 when %s', async (_case, overrides, message) => {
    client = await catalogClient()
    const response = await client.post('/v1/blueprints', makeBlueprint(overrides))
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })

  it('stores and echoes mirror and calculation properties without evaluating them', async () => {
    client = await catalogClient(SEED_MICROSERVICE)
    const extra = {
      relations: { ms: { target: 'microservice', required: false, many: false } },
      mirrorProperties: { region: { path: 'ms.region', title: 'Region' } },
      calculationProperties: { label: { title: 'Label', calculation: '.title + "!"', type: 'string' } },
    }
    const response = await client.post('/v1/blueprints', makeBlueprint(extra))
    expect(response.json().blueprint).toMatchObject(extra)
  })
})
