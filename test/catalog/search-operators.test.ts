// Each search operator returns exactly the entities it should; operators and values it cannot evaluate get a 422.
import { afterEach, describe, expect, it } from 'vitest'
import type { Client } from '../helpers/catalog.js'
import { CREATED, DAY, iso, search, searchFixture, services } from '../helpers/search.js'

let client: Client
afterEach(async () => { await client?.app.close() })

describe('comparison operators', () => {
  it.each([
    ['= on a string', { property: 'language', operator: '=', value: 'Go' }, ['alpha']],
    ['= on a number', { property: 'replicas', operator: '=', value: 3 }, ['beta']],
    ['= on an array holding the value', { property: 'tags', operator: '=', value: 'batch' }, ['beta']],
    ['= on a relation', { property: 'lib', operator: '=', value: 'lib1' }, ['alpha']],
    ['!=', { property: 'language', operator: '!=', value: 'Go' }, ['beta', 'gamma']],
    ['in', { property: 'language', operator: 'in', value: ['Go', 'Python'] }, ['alpha', 'beta']],
    ['notIn', { property: 'language', operator: 'notIn', value: ['Go'] }, ['beta', 'gamma']],
    ['contains on a string', { property: '$title', operator: 'contains', value: 'lph' }, ['alpha']],
    ['contains on an array', { property: 'tags', operator: 'contains', value: 'api' }, ['alpha']],
    ['doesNotContains', { property: '$title', operator: 'doesNotContains', value: 'ph' }, ['beta', 'gamma']],
    ['containsAny on $team', { property: '$team', operator: 'containsAny', value: ['search', 'ops'] }, ['beta']],
    ['containsAny on a string', { property: 'language', operator: 'containsAny', value: ['Py', 'Script'] }, ['beta', 'gamma']],
    ['beginsWith', { property: '$identifier', operator: 'beginsWith', value: 'b' }, ['beta']],
    ['doesNotBeginsWith', { property: '$identifier', operator: 'doesNotBeginsWith', value: 'b' }, ['alpha', 'gamma']],
    ['endsWith', { property: '$identifier', operator: 'endsWith', value: 'ma' }, ['gamma']],
    ['doesNotEndsWith', { property: '$identifier', operator: 'doesNotEndsWith', value: 'ma' }, ['alpha', 'beta']],
    ['isEmpty on an empty array', { property: 'tags', operator: 'isEmpty' }, ['gamma']],
    ['isEmpty on a missing property', { property: 'since', operator: 'isEmpty' }, ['gamma']],
    ['isNotEmpty', { property: '$team', operator: 'isNotEmpty' }, ['alpha', 'beta']],
    ['> on numbers', { property: 'replicas', operator: '>', value: 1 }, ['beta', 'gamma']],
    ['>= on numbers', { property: 'replicas', operator: '>=', value: 3 }, ['beta', 'gamma']],
    ['< on numbers', { property: 'replicas', operator: '<', value: 3 }, ['alpha']],
    ['<= on numbers', { property: 'replicas', operator: '<=', value: 3 }, ['alpha', 'beta']],
    ['> on dates', { property: 'since', operator: '>', value: '2023-12-31T00:00:00.000Z' }, ['beta']],
    ['between a from/to range', { property: '$createdAt', operator: 'between', value: { from: iso(CREATED.alpha + DAY), to: iso(CREATED.alpha + 3 * DAY) } }, ['beta']],
    ['between the lastWeek preset', { property: '$createdAt', operator: 'between', value: { preset: 'lastWeek' } }, ['gamma']],
    ['between the today preset', { property: '$createdAt', operator: 'between', value: { preset: 'today' } }, ['gamma']],
    ['between the lastMonth preset', { property: '$createdAt', operator: 'between', value: { preset: 'lastMonth' } }, ['alpha', 'beta', 'gamma']],
    ['notBetween', { property: '$createdAt', operator: 'notBetween', value: { from: iso(CREATED.alpha), to: iso(CREATED.beta) } }, ['gamma']],
    ['isExpired', { property: 'deadline', operator: 'isExpired' }, ['alpha']],
    ['isNotExpired', { property: 'deadline', operator: 'isNotExpired' }, ['beta', 'gamma']],
  ])('%s returns exactly the matching entities', async (_case, rule, expected) => {
    client = await searchFixture()
    const { status, ids } = await search(client, services(rule))
    expect(status).toBe(200)
    expect(ids).toEqual(expected)
  })
})

describe('what the emulator cannot evaluate', () => {
  it.each([
    ['an operator Port has but the emulator does not', { property: 'tags', operator: 'matchAny', value: ['a'] }, 'Operator "matchAny" in "query/rules/1" is not supported by the emulator'],
    ['an unknown operator', { property: 'language', operator: 'like', value: 'G%' }, 'Operator "like" in "query/rules/1" is not supported'],
    ['a property schema rule', { propertySchema: { type: 'string' }, operator: '=', value: 'x' }, '"query/rules/1/property" must be a property identifier'],
    ['a dynamic user value', { property: { property: '$team', context: 'userTeams' }, operator: '=', value: 'x' }, 'dynamic values (context user/userTeams) are not supported'],
    ['an unknown meta property', { property: '$datasource', operator: '=', value: 'x' }, '"query/rules/1/property" $datasource is not a meta property the emulator supports'],
    ['in without an array', { property: 'language', operator: 'in', value: 'Go' }, '"query/rules/1/value" must be an array for operator "in"'],
    ['> with a value that is neither number nor date', { property: 'replicas', operator: '>', value: 'many' }, '"query/rules/1/value" must be a number or a date-time for operator ">"'],
    ['between an unknown preset', { property: '$createdAt', operator: 'between', value: { preset: 'lastDecade' } }, '"query/rules/1/value" must be { from, to } date-times or { preset }'],
    ['= without a value', { property: 'language', operator: '=' }, '"query/rules/1/value" is required'],
    ['a rule without operator', { property: 'language', value: 'Go' }, '"query/rules/1/operator" is required'],
    ['a nested group with a bad combinator', { combinator: 'and', rules: [{ combinator: 'xor', rules: [] }] }, '"query/rules/1/rules/0/combinator" must be "and" or "or"'],
  ])('returns 422 for %s', async (_case, rule, message) => {
    client = await searchFixture()
    const { status, body } = await search(client, services(rule))
    expect(status).toBe(422)
    expect(body).toEqual({ ok: false, error: 'invalid_request', message: expect.stringContaining(message) })
  })

  it('returns 422 for a top-level field Port does not accept', async () => {
    client = await searchFixture()
    const { status, body } = await search(client, { combinator: 'and', rules: [], limit: 5 })
    expect(status).toBe(422)
    expect(body.message).toBe('body/limit is not allowed')
  })
})
