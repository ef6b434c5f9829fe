// Entities are validated against their blueprint's schema (Ajv with Port's formats); a refused write changes nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { catalogClient, makeBlueprint, makeEntity, type Client } from '../helpers/catalog.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const url = '/v1/blueprints/service/entities'

/** Every property kind the tables below exercise. */
const richBlueprint = makeBlueprint({
  schema: {
    properties: {
      language: { type: 'string', enum: ['Go', 'Python'] },
      replicas: { type: 'number', minimum: 0, maximum: 10 },
      name: { type: 'string', pattern: '^[a-z-]+$', minLength: 2, maxLength: 20 },
      owner: { type: 'string', format: 'user' },
      contact: { type: 'string', format: 'email' },
      deadline: { type: 'string', format: 'timer' },
      since: { type: 'string', format: 'date-time' },
      homepage: { type: 'string', format: 'url' },
      address: { type: 'string', format: 'ipv4' },
      config: { type: 'string', format: 'yaml' },
      readme: { type: 'string', format: 'markdown' },
      squad: { type: 'string', format: 'team' },
      docs: { type: 'object', format: 'labeled-url' },
      tags: { type: 'array', items: { type: 'string', format: 'email' } },
      active: { type: 'boolean' },
      tier: { type: 'string', default: 'bronze' },
    },
    required: ['language'],
  },
})

describe('validation against the blueprint', () => {
  it.each([
    ['a wrong type', { language: 'Go', replicas: 'two' }, '"properties/replicas" must be of type number'],
    ['an enum miss', { language: 'Rust' }, '"properties/language" must be one of: Go, Python'],
    ['a missing required property', { replicas: 1 }, '"properties/language" is required'],
    ['a required property set to null', { language: null }, '"properties/language" must be of type string'],
    ['a bad email format', { language: 'Go', contact: 'not-an-email' }, '"properties/contact" must match format "email"'],
    ['a bad user format', { language: 'Go', owner: 'bob' }, '"properties/owner" must match format "user"'],
    ['a bad timer', { language: 'Go', deadline: 'tomorrow' }, '"properties/deadline" must match format "timer"'],
    ['a bad date-time', { language: 'Go', since: '2024-13-45' }, '"properties/since" must match format "date-time"'],
    ['a bad url', { language: 'Go', homepage: 'not a url' }, '"properties/homepage" must match format "url"'],
    ['a bad ipv4', { language: 'Go', address: '300.1.1.1' }, '"properties/address" must match format "ipv4"'],
    ['YAML that does not parse', { language: 'Go', config: 'a: [1, 2' }, '"properties/config" must match format "yaml"'],
    ['a labeled-url without url', { language: 'Go', docs: { displayText: 'Docs' } }, '"properties/docs/url" is required'],
    ['a bad item in an array', { language: 'Go', tags: ['a@b.io', 'nope'] }, '"properties/tags/1" must match format "email"'],
    ['a pattern miss', { language: 'Go', name: 'Has Spaces' }, '"properties/name" must match pattern "^[a-z-]+$"'],
    ['a number above maximum', { language: 'Go', replicas: 11 }, '"properties/replicas" must be <= 10'],
    ['a string that is too short', { language: 'Go', name: 'a' }, '"properties/name" must NOT have fewer than 2 characters'],
    ['a property the blueprint does not define', { language: 'Go', color: 'red' }, '"properties/color" is not defined in the blueprint'],
  ])('returns 422 naming the property for %s', async (_case, properties, message) => {
    client = await catalogClient(richBlueprint)
    const response = await client.post(url, makeEntity({ properties }))
    expect(response.statusCode).toBe(422)
    expect(response.json()).toEqual({ ok: false, error: 'invalid_request', message })
  })

  it.each([
    ['is ..', '..'],
    ['has a space', 'check out'],
    ['has a #', 'check#out'],
    ['is 1001 characters long', 'x'.repeat(1001)],
  ])('returns 422 naming the identifier when it %s', async (_case, identifier) => {
    client = await catalogClient(richBlueprint)
    const response = await client.post(url, makeEntity({ identifier, properties: { language: 'Go' } }))
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toMatch(/^body\/identifier must/)
  })

  it.each(['überprüfung', 'a=b', 'a\\b', 'team/a:b@c+d.e_f-g', '...'])('accepts the identifier %s', async (identifier) => {
    client = await catalogClient(richBlueprint)
    const response = await client.post(url, makeEntity({ identifier, properties: { language: 'Go' } }))
    expect(response.statusCode).toBe(201)
  })

  it('accepts every format when the values are valid', async () => {
    client = await catalogClient(richBlueprint)
    const properties = {
      language: 'Go',
      replicas: 3,
      name: 'check-out',
      owner: 'dev@example.com',
      contact: 'ops@example.com',
      deadline: '2030-01-01T00:00:00.000Z',
      since: '2024-01-01T00:00:00Z',
      homepage: 'https://example.com',
      address: '10.0.0.1',
      config: 'a: 1\nb: [x, y]',
      readme: '# Title',
      squad: 'payments',
      docs: { url: 'https://docs.example.com', displayText: 'Docs' },
      tags: ['a@example.com'],
      active: true,
    }
    const response = await client.post(url, makeEntity({ properties }))
    expect(response.statusCode).toBe(201)
    expect(response.json().entity.properties).toEqual({ ...properties, tier: 'bronze' })
  })

  it('accepts null for an optional property', async () => {
    client = await catalogClient(richBlueprint)
    const response = await client.post(url, makeEntity({ properties: { language: 'Go', replicas: null } }))
    expect(response.json().entity.properties).toEqual({ language: 'Go', replicas: null, tier: 'bronze' })
  })

  it('fills a property default when the property is absent', async () => {
    client = await catalogClient(richBlueprint)
    const response = await client.post(url, makeEntity({ properties: { language: 'Go' } }))
    expect(response.json().entity.properties.tier).toBe('bronze')
  })

  it('validates against the blueprint as it is now, after a PATCH added a required property', async () => {
    client = await catalogClient(makeBlueprint())
    await client.patch('/v1/blueprints/service', { schema: { properties: { tier: { type: 'string' } }, required: ['tier'] } })
    const response = await client.post(url, makeEntity())
    expect(response.json().message).toBe('"properties/tier" is required')
  })
})

describe('a write that fails validation changes nothing', () => {
  it.each([
    ['POST upsert', (c: Client) => c.post(`${url}?upsert=true`, makeEntity({ properties: { language: 'Rust' } }))],
    ['POST upsert+merge', (c: Client) => c.post(`${url}?upsert=true&merge=true`, makeEntity({ title: 'X', properties: { replicas: -1 } }))],
    ['PUT', (c: Client) => c.put(`${url}/checkout`, { title: 'X', properties: {} })],
    ['PATCH', (c: Client) => c.patch(`${url}/checkout`, { title: 'X', properties: { language: 5 } })],
  ])('%s leaves the stored entity as it was', async (_case, write) => {
    client = await catalogClient(richBlueprint)
    const before = (await client.post(url, makeEntity({ properties: { language: 'Go' } }))).json().entity
    const response = await write(client)
    expect(response.statusCode).toBe(422)
    expect((await client.get(`${url}/checkout`)).json().entity).toEqual(before)
  })

  it('a refused create leaves the blueprint without entities', async () => {
    client = await catalogClient(richBlueprint)
    await client.post(url, makeEntity({ properties: { language: 'Go', replicas: 'many' } }))
    expect((await client.get('/v1/blueprints/service/entities-count')).json().count).toBe(0)
  })
})
