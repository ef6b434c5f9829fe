import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { seedRuns } from '../helpers/runs.js'
import { createMicroservice } from '../helpers/seed-doc.js'

let app: TestApp
afterEach(async () => { await app?.close() })

describe('current actions (/v1/actions)', () => {
  it('creates an action with 201 and returns it with meta fields', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    const response = await f.call('POST', '/v1/actions', makeAction())
    expect(response.statusCode).toBe(201)
    expect(response.body).toEqual({ ok: true, action: { ...makeAction(), createdAt: '2024-01-01T00:00:00.000Z', createdBy: 'demo-client-id', updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: 'demo-client-id' } })
  })

  it('returns 409 when the identifier is taken', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    await f.call('POST', '/v1/actions', makeAction())
    expect((await f.call('POST', '/v1/actions', makeAction())).statusCode).toBe(409)
  })

  it('reads, replaces and deletes an action', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    await f.call('POST', '/v1/actions', makeAction())
    const put = await f.call('PUT', '/v1/actions/scaffold', makeAction({ title: 'Renamed' }))
    expect(put.body.action.title).toBe('Renamed')
    expect((await f.call('DELETE', '/v1/actions/scaffold')).body).toEqual({ ok: true })
    expect((await f.call('GET', '/v1/actions/scaffold')).statusCode).toBe(404)
  })

  it.each([
    ['an unknown invocation type', makeAction({ invocationMethod: { type: 'CARRIER_PIGEON' } }), 'invocationMethod'],
    ['a webhook without url', makeAction({ invocationMethod: { type: 'WEBHOOK' } }), 'body/invocationMethod/url is required'],
    ['a bad operation', makeAction({}, { operation: 'UPDATE' }), 'body/trigger/operation'],
    ['an identifier with a slash', makeAction({ identifier: 'a/b' }), 'body/identifier'],
    ['a DAY-2 action without blueprint', makeAction({}, { operation: 'DAY-2', blueprintIdentifier: undefined }), 'blueprintIdentifier'],
    ['an entity input without blueprint', makeAction({}, { userInputs: { properties: { svc: { type: 'string', format: 'entity' } } } }), 'properties/svc/blueprint'],
    ['an unknown requiredApproval type', makeAction({ requiredApproval: { type: 'SOME' } }), 'requiredApproval'],
  ])('returns 422 naming the field for %s', async (_name, body, field) => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    const response = await f.call('POST', '/v1/actions', JSON.parse(JSON.stringify(body)))
    expect(response.statusCode).toBe(422)
    expect(response.body.message).toContain(field)
  })

  it('returns 404 for an action on an unknown blueprint', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    const response = await f.call('POST', '/v1/actions', makeAction({}, { blueprintIdentifier: 'nope' }))
    expect(response).toMatchObject({ statusCode: 404, body: { ok: false, error: 'not_found' } })
  })

  it.each([
    ['?operation=DAY-2', ['deploy_microservice']],
    ['?action_identifier=create_microservice&action_identifier=scaffold', ['create_microservice', 'scaffold']],
    ['?blueprint_identifier=microservice&operation=CREATE', ['create_microservice', 'scaffold']],
    ['?trigger_type=automation', []],
  ])('lists actions filtered by %s', async (query, expected) => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    await f.call('POST', '/v1/actions', makeAction())
    const response = await f.call('GET', `/v1/actions${query}`)
    expect(response.body.actions.map((a: { identifier: string }) => a.identifier)).toEqual(expected)
  })

  it('shows legacy actions in the current form', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const { body } = await f.call('GET', '/v1/actions/create_microservice')
    expect(body.action.trigger).toEqual({ type: 'self-service', operation: 'CREATE', blueprintIdentifier: 'microservice', userInputs: createMicroservice.userInputs })
  })
})

describe('legacy actions (/v1/blueprints/{bp}/actions)', () => {
  it("returns the seed's actions in their own form, with an action_ id", async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const { body } = await f.call('GET', '/v1/blueprints/microservice/actions/create_microservice')
    expect(body.action).toEqual({
      ...createMicroservice,
      id: expect.stringMatching(/^action_[A-Za-z0-9]{16}$/),
      blueprint: 'microservice',
      createdAt: expect.any(String),
      createdBy: 'demo-client-id',
      updatedAt: expect.any(String),
      updatedBy: 'demo-client-id',
    })
  })

  it('replaces the whole list with PUT, removing actions left out', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    await f.call('PUT', '/v1/blueprints/microservice/actions', [createMicroservice])
    const { body } = await f.call('GET', '/v1/blueprints/microservice/actions')
    expect(body.actions.map((a: { identifier: string }) => a.identifier)).toEqual(['create_microservice'])
  })

  it('creates one with POST, changes it with PUT and deletes it', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    expect((await f.call('POST', '/v1/blueprints/microservice/actions', createMicroservice)).statusCode).toBe(201)
    const put = await f.call('PUT', '/v1/blueprints/microservice/actions/create_microservice', { ...createMicroservice, title: 'New' })
    expect(put.body.action.title).toBe('New')
    expect((await f.call('DELETE', '/v1/blueprints/microservice/actions/create_microservice')).body).toEqual({ ok: true })
  })

  it('returns 404 for a blueprint that does not exist', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app, [])
    expect((await f.call('GET', '/v1/blueprints/nope/actions')).statusCode).toBe(404)
  })
})
