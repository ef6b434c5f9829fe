// POST /v1/blueprints/{bp}/entities/search: a query within one blueprint, include/exclude by name, limit/from -> next.
import { afterEach, describe, expect, it } from 'vitest'
import type { Client } from '../helpers/catalog.js'
import { searchFixture } from '../helpers/search.js'

let client: Client
afterEach(async () => { await client?.app.close() })

const url = '/v1/blueprints/service/entities/search'
const ids = (body: { entities: Array<{ identifier: string }> }): string[] => body.entities.map((e) => e.identifier)

describe('POST /v1/blueprints/{bp}/entities/search', () => {
  it('returns the blueprint\'s matching entities without next when they fit one page', async () => {
    client = await searchFixture()
    const response = await client.post(url, { query: { combinator: 'and', rules: [{ property: 'replicas', operator: '>', value: 1 }] } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ ok: true, entities: [{ identifier: 'beta' }, { identifier: 'gamma' }] })
    expect(response.json()).not.toHaveProperty('next')
  })

  it('returns every entity of the blueprint without a query', async () => {
    client = await searchFixture()
    const response = await client.post(url, {})
    expect(ids(response.json())).toEqual(['alpha', 'beta', 'gamma'])
  })

  it.each([
    ['gamma', 'TypeScript', ['gamma']],
    ['gamma', 'Go', []],
    ['lib1', undefined, []],
  ])('finds $identifier = %s (language %s) by lookup, still applying the other rules', async (identifier, language, expected) => {
    client = await searchFixture()
    const rules: unknown[] = [{ property: '$identifier', operator: '=', value: identifier }]
    if (language !== undefined) rules.push({ property: 'language', operator: '=', value: language })
    expect(ids((await client.post(url, { query: { combinator: 'and', rules } })).json())).toEqual(expected)
  })

  it('pages with limit, and next fed back as from gives the following page', async () => {
    client = await searchFixture()
    const first = (await client.post(url, { limit: 2 })).json()
    const second = (await client.post(url, { limit: 2, from: first.next })).json()
    expect(ids(first)).toEqual(['alpha', 'beta'])
    expect(ids(second)).toEqual(['gamma'])
    expect(second).not.toHaveProperty('next')
  })

  it('pages over the matching entities only', async () => {
    client = await searchFixture()
    const query = { combinator: 'and', rules: [{ property: 'language', operator: '!=', value: 'Python' }] }
    const first = (await client.post(url, { query, limit: 1 })).json()
    const second = (await client.post(url, { query, limit: 1, from: first.next })).json()
    expect([...ids(first), ...ids(second)]).toEqual(['alpha', 'gamma'])
  })

  it('includes meta properties, properties and relations by name', async () => {
    client = await searchFixture()
    const response = await client.post(url, { include: ['$identifier', '$createdAt', 'language', 'lib'], limit: 1 })
    expect(response.json().entities).toEqual([{ identifier: 'alpha', createdAt: '2024-01-01T00:00:00.000Z', properties: { language: 'Go' }, relations: { lib: 'lib1' } }])
  })

  it('excludes by name', async () => {
    client = await searchFixture()
    const response = await client.post(url, { exclude: ['$team', 'tags', 'since', 'deadline', 'replicas', 'lib'], limit: 1 })
    const [{ team, properties, relations }] = response.json().entities
    expect({ team, properties, relations }).toEqual({ team: undefined, properties: { language: 'Go' }, relations: {} })
  })

  it.each([
    ['a limit above 1000', { limit: 1001 }, 'body/limit must be <= 1000'],
    ['a limit of 0', { limit: 0 }, 'body/limit must be >= 1'],
    ['a from it did not hand out', { from: 'garbage' }, '"from" is not a cursor this emulator returned as "next"'],
    ['an unsupported operator', { query: { combinator: 'and', rules: [{ property: 'x', operator: 'matchAny', value: [] }] } }, 'Operator "matchAny" in "query/rules/0" is not supported'],
  ])('returns 422 for %s', async (_case, body, message) => {
    client = await searchFixture()
    const response = await client.post(url, body)
    expect(response.statusCode).toBe(422)
    expect(response.json().message).toContain(message)
  })

  it('returns 404 for a blueprint that does not exist', async () => {
    client = await searchFixture()
    const response = await client.post('/v1/blueprints/ghost/entities/search', {})
    expect(response.statusCode).toBe(404)
  })
})
