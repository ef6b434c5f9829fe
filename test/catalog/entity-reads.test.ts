// GET of one entity and of a blueprint's entities, with include/exclude and attach_title_to_relation.
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, seedEntities, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const svc = '/v1/blueprints/service/entities'

async function catalog (): Promise<Client> {
  const c = await catalogClient(
    makeBlueprint({ identifier: 'domain', schema: { properties: {} } }),
    makeBlueprint({ relations: { domain: { target: 'domain' }, peers: { target: 'service', many: true } } })
  )
  await seedEntities(c, 'domain', [{ identifier: 'd1', title: 'Payments' }])
  await seedEntities(c, 'service', [
    makeEntity({ identifier: 'cart', title: 'Cart', properties: { language: 'Python', replicas: 1 }, relations: { domain: 'd1' } }),
    makeEntity({ properties: { language: 'Go', replicas: 2 }, relations: { domain: 'd1', peers: ['cart', 'checkout'] } }),
  ])
  return c
}

describe('GET …/entities', () => {
  it('lists the blueprint\'s entities in creation order', async () => {
    client = await catalog()
    const response = await client.get(svc)
    expect(response.json()).toMatchObject({ ok: true, entities: [{ identifier: 'cart' }, { identifier: 'checkout' }] })
  })

  it('returns only the included paths', async () => {
    client = await catalog()
    const response = await client.get(`${svc}?include=identifier&include=properties.replicas`)
    expect(response.json().entities).toEqual([{ identifier: 'cart', properties: { replicas: 1 } }, { identifier: 'checkout', properties: { replicas: 2 } }])
  })

  it('returns 404 for a blueprint that does not exist', async () => {
    client = await catalog()
    const response = await client.get('/v1/blueprints/ghost/entities')
    expect(response.statusCode).toBe(404)
  })
})

describe('GET …/entities/{id}', () => {
  it('leaves out the excluded paths', async () => {
    client = await catalog()
    const response = await client.get(`${svc}/checkout?exclude=properties.language&exclude=relations&exclude=team`)
    expect(response.json().entity).toMatchObject({ identifier: 'checkout', properties: { replicas: 2 } })
    expect(Object.keys(response.json().entity)).not.toContain('relations')
  })

  it('attaches the related entities\' titles with attach_title_to_relation=true', async () => {
    client = await catalog()
    const response = await client.get(`${svc}/checkout?attach_title_to_relation=true`)
    expect(response.json().entity.relations).toEqual({
      domain: { identifier: 'd1', title: 'Payments' },
      peers: [{ identifier: 'cart', title: 'Cart' }, { identifier: 'checkout', title: 'Checkout' }],
    })
  })

  it('lets an entity relate to itself', async () => {
    client = await catalog()
    const response = await client.get(`${svc}/checkout`)
    expect(response.json().entity.relations.peers).toEqual(['cart', 'checkout'])
  })

  it('returns 404 not_found naming the entity and blueprint', async () => {
    client = await catalog()
    const response = await client.get(`${svc}/ghost`)
    expect(response.json()).toEqual({ ok: false, error: 'not_found', message: 'Entity with identifier "ghost" was not found in blueprint "service"' })
  })

  it('returns 401 without a token', async () => {
    client = await catalog()
    const response = await client.app.inject({ method: 'GET', url: `${svc}/checkout` })
    expect(response.statusCode).toBe(401)
  })
})
