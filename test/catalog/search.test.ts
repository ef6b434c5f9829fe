// POST /v1/entities/search: nested combinators, meta properties, relatedTo, the answer's shape and include/exclude.
import { afterEach, describe, expect, it } from 'vitest'
import type { Client } from '../helpers/catalog.js'
import { CREATED, iso, search, searchFixture, services } from '../helpers/search.js'

let client: Client
afterEach(async () => { await client?.app.close() })

describe('combinators', () => {
  it('evaluates nested and/or groups', async () => {
    client = await searchFixture()
    const query = services({
      combinator: 'or',
      rules: [
        { property: 'language', operator: '=', value: 'Go' },
        { combinator: 'and', rules: [{ property: 'replicas', operator: '>=', value: 3 }, { property: 'tags', operator: 'contains', value: 'batch' }] },
      ],
    })
    expect((await search(client, query)).ids).toEqual(['alpha', 'beta'])
  })

  it('matches nothing with an empty or group and everything with an empty and group', async () => {
    client = await searchFixture()
    expect((await search(client, { combinator: 'or', rules: [] })).ids).toEqual([])
    expect((await search(client, { combinator: 'and', rules: [] })).ids).toEqual(['lib1', 'alpha', 'beta', 'gamma'])
  })
})

describe('a rule that pins $identifier', () => {
  const alpha = { property: '$identifier', operator: '=', value: 'alpha' }
  it.each([
    ['still applies the other and-rules', { combinator: 'and', rules: [alpha, { property: 'language', operator: '=', value: 'Python' }] }, []],
    ['finds the entity in any blueprint the query allows', { combinator: 'and', rules: [alpha] }, ['alpha']],
    ['does not narrow an or-group', { combinator: 'or', rules: [alpha, { property: 'language', operator: '=', value: 'Python' }] }, ['alpha', 'beta']],
    ['does not narrow through a nested or-group', { combinator: 'and', rules: [{ combinator: 'or', rules: [alpha, { property: '$title', operator: '=', value: 'Gamma' }] }] }, ['alpha', 'gamma']],
  ])('%s', async (_case, query, expected) => {
    client = await searchFixture()
    expect((await search(client, query)).ids).toEqual(expected)
  })
})

describe('meta properties', () => {
  it.each([
    ['$identifier', { property: '$identifier', operator: '=', value: 'beta' }, ['beta']],
    ['$title', { property: '$title', operator: '=', value: 'Lib One' }, ['lib1']],
    ['$blueprint', { property: '$blueprint', operator: '=', value: 'library' }, ['lib1']],
    ['$blueprint with in', { property: '$blueprint', operator: 'in', value: ['library', 'nothing'] }, ['lib1']],
    ['$team', { property: '$team', operator: 'containsAny', value: ['payments'] }, ['alpha', 'beta']],
    ['$icon', { property: '$icon', operator: '=', value: 'Go' }, ['alpha']],
    ['$createdAt', { property: '$createdAt', operator: '>', value: iso(CREATED.beta - 1) }, ['beta', 'gamma']],
    ['$updatedAt', { property: '$updatedAt', operator: '<', value: iso(CREATED.beta) }, ['lib1', 'alpha']],
    ['$createdBy', { property: '$createdBy', operator: '=', value: 'nobody' }, []],
    ['$updatedBy', { property: '$updatedBy', operator: '=', value: 'demo-client-id' }, ['lib1', 'alpha', 'beta', 'gamma']],
  ])('filters on %s', async (_case, rule, expected) => {
    client = await searchFixture()
    expect((await search(client, { combinator: 'and', rules: [rule] })).ids).toEqual(expected)
  })
})

describe('relatedTo', () => {
  it.each([
    ['upstream: what alpha depends on', { blueprint: 'service', value: 'alpha', direction: 'upstream' }, ['lib1']],
    ['downstream: what depends on lib1', { blueprint: 'library', value: 'lib1', direction: 'downstream' }, ['alpha']],
    ['both ways without a direction', { blueprint: 'library', value: ['lib1'] }, ['alpha']],
    ['only through required relations', { blueprint: 'library', value: 'lib1', required: true }, []],
  ])('finds %s', async (_case, rule, expected) => {
    client = await searchFixture()
    expect((await search(client, { combinator: 'and', rules: [{ operator: 'relatedTo', ...rule }] })).ids).toEqual(expected)
  })

  it('returns 404 when the rule names a blueprint that does not exist', async () => {
    client = await searchFixture()
    const { status } = await search(client, { combinator: 'and', rules: [{ operator: 'relatedTo', blueprint: 'ghost', value: 'x' }] })
    expect(status).toBe(404)
  })
})

describe('the answer', () => {
  it('has Port\'s shape, listing the blueprints the query did not rule out', async () => {
    client = await searchFixture()
    const { body } = await search(client, services({ property: '$identifier', operator: '=', value: 'gamma' }))
    expect(body).toMatchObject({ ok: true, matchingBlueprints: ['service'], failedBlueprints: [], entities: [{ identifier: 'gamma', blueprint: 'service', team: [] }] })
  })

  it('lists every blueprint when no rule is about $blueprint', async () => {
    client = await searchFixture()
    const { body } = await search(client, { combinator: 'and', rules: [{ property: '$title', operator: '=', value: 'none' }] })
    expect(body.matchingBlueprints).toEqual(['library', 'service'])
  })

  it('returns only the included paths', async () => {
    client = await searchFixture()
    const response = await client.post('/v1/entities/search?include=identifier&include=properties.language', services({ property: '$identifier', operator: '=', value: 'alpha' }))
    expect(response.json().entities).toEqual([{ identifier: 'alpha', properties: { language: 'Go' } }])
  })

  it('reads include[] as include, as axios sends arrays', async () => {
    client = await searchFixture()
    const response = await client.post('/v1/entities/search?include[]=identifier&include[]=blueprint', services({ property: '$identifier', operator: '=', value: 'alpha' }))
    expect(response.json().entities).toEqual([{ identifier: 'alpha', blueprint: 'service' }])
  })

  it('leaves out the excluded paths', async () => {
    client = await searchFixture()
    const response = await client.post('/v1/entities/search?exclude=properties&exclude=relations.lib&exclude=createdAt', services({ property: '$identifier', operator: '=', value: 'alpha' }))
    expect(Object.keys(response.json().entities[0])).toEqual(['identifier', 'title', 'icon', 'blueprint', 'team', 'relations', 'createdBy', 'updatedAt', 'updatedBy'])
  })

  it('attaches related titles with attach_title_to_relation=true', async () => {
    client = await searchFixture()
    const response = await client.post('/v1/entities/search?attach_title_to_relation=true', services({ property: '$identifier', operator: '=', value: 'alpha' }))
    expect(response.json().entities[0].relations).toEqual({ lib: { identifier: 'lib1', title: 'Lib One' } })
  })
})
