import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { putBlueprint, putEntity } from '../helpers/store-fixtures.js'
import { seedRuns } from '../helpers/runs.js'

let app: TestApp
afterEach(async () => { await app?.close() })

const inputs = {
  properties: {
    name: { type: 'string', minLength: 2 },
    replicas: { type: 'number', minimum: 1 },
    tier: { type: 'string', enum: ['gold', 'silver'] },
    owner: { type: 'string', format: 'email' },
    service: { type: 'string', format: 'entity', blueprint: 'microservice' },
    services: { type: 'array', items: { type: 'string', format: 'entity', blueprint: 'microservice' } },
    debug: { type: 'boolean', default: false },
  },
  required: ['name'],
}

async function withInputs () {
  app = await buildTestApp()
  const f = await seedRuns(app)
  await f.call('POST', '/v1/actions', makeAction({}, { userInputs: inputs }))
  return f
}

describe('POST /v1/actions/{id}/runs', () => {
  it('answers 202 with an IN_PROGRESS run in the v1 shape', async () => {
    const f = await withInputs()
    const response = await f.invoke('scaffold', { properties: { name: 'svc' } })
    expect(response.statusCode).toBe(202)
    expect(response.body).toEqual({
      ok: true,
      run: {
        id: expect.stringMatching(/^r_[A-Za-z0-9]{16}$/),
        status: 'IN_PROGRESS',
        blueprint: { identifier: 'microservice', title: 'Service' },
        action: 'scaffold',
        endedAt: null,
        source: 'API',
        relatedEntityExists: false,
        relatedBlueprintExists: true,
        properties: { name: 'svc', debug: false },
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
        createdBy: 'demo-client-id',
        updatedBy: 'demo-client-id',
      },
    })
  })

  it.each([
    ['a wrong type', { name: 'svc', replicas: 'three' }, '"properties/replicas" must be of type number'],
    ['a missing required input', {}, '"properties/name" is required'],
    ['an enum miss', { name: 'svc', tier: 'bronze' }, '"properties/tier" must be one of: gold, silver'],
    ['a bad format', { name: 'svc', owner: 'not-an-email' }, '"properties/owner" must match format "email"'],
    ['a length below minLength', { name: 's' }, '"properties/name"'],
    ['an unknown input', { name: 'svc', colour: 'red' }, '"properties/colour" is not defined in the action\'s inputs'],
    ['an entity that does not exist', { name: 'svc', service: 'ghost' }, '"properties/service" must name an existing entity'],
    ['one missing entity in an array', { name: 'svc', services: ['my-microservice', 'ghost'] }, '"properties/services"'],
  ])('returns 422 naming the input for %s', async (_name, properties, message) => {
    const f = await withInputs()
    const response = await f.invoke('scaffold', { properties })
    expect(response.statusCode).toBe(422)
    expect(response.body).toEqual({ ok: false, error: 'invalid_request', message: expect.stringContaining(message) })
  })

  it('accepts entity inputs that name existing entities', async () => {
    const f = await withInputs()
    const response = await f.invoke('scaffold', { properties: { name: 'svc', service: 'my-microservice', services: ['my-microservice'] } })
    expect(response.statusCode).toBe(202)
  })

  it('runs a DAY-2 action on the given entity', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const response = await f.invoke('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } })
    expect(response.body.run).toMatchObject({ entity: { identifier: 'my-microservice', title: 'my-microservice' }, relatedEntityExists: true })
  })

  it('returns 422 when a DAY-2 action is invoked without an entity', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const response = await f.invoke('deploy_microservice', { properties: {} })
    expect(response).toMatchObject({ statusCode: 422, body: { message: expect.stringContaining('body/entity is required') } })
  })

  it('returns 404 when a DAY-2 action names an entity that does not exist', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    expect((await f.invoke('deploy_microservice', { entity: 'ghost', properties: {} })).statusCode).toBe(404)
  })

  it('returns 404 for an unknown action', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    expect((await f.invoke('nope')).body).toEqual({ ok: false, error: 'not_found', message: 'Action with identifier "nope" was not found' })
  })

  it('starts WAITING_FOR_APPROVAL when the action requires approval', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    await f.call('POST', '/v1/actions', makeAction({ requiredApproval: { type: 'ANY' } }))
    expect((await f.invoke('scaffold', { properties: { name: 'svc' } })).body.run.status).toBe('WAITING_FOR_APPROVAL')
  })

  it('runs as the run_as user and records who impersonated them', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const response = await f.invoke('create_microservice', { properties: {} }, '?run_as=test@test.com')
    const v2 = await f.call('GET', `/v1/actions/runs/${response.body.run.id as string}?version=v2`)
    expect(v2.body.run).toMatchObject({ createdBy: 'auth0|638879fa62c686d381b36ecb', impersonatedBy: 'demo-client-id' })
  })

  it('returns 404 when run_as names nobody in the organization', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    expect((await f.invoke('create_microservice', { properties: {} }, '?run_as=nobody@example.com')).statusCode).toBe(404)
  })
})

describe('legacy invocation routes', () => {
  it('runs a CREATE action through /v1/blueprints/{bp}/actions/{id}/runs', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const response = await f.call('POST', '/v1/blueprints/microservice/actions/create_microservice/runs', { properties: { name: 'a' } })
    expect(response).toMatchObject({ statusCode: 202, body: { run: { action: 'create_microservice', status: 'IN_PROGRESS' } } })
  })

  it('runs a DAY-2 action through the entity route', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    const response = await f.call('POST', '/v1/blueprints/microservice/entities/my-microservice/actions/deploy_microservice/runs', { properties: {} })
    expect(response.body.run.entity).toEqual({ identifier: 'my-microservice', title: 'my-microservice' })
  })

  it('returns 404 when the action belongs to another blueprint', async () => {
    app = await buildTestApp()
    const f = await seedRuns(app)
    putBlueprint(app, { identifier: 'other', title: 'Other' })
    putEntity(app, { identifier: 'x', blueprint: 'other' })
    expect((await f.call('POST', '/v1/blueprints/other/actions/create_microservice/runs', { properties: {} })).statusCode).toBe(404)
  })
})
