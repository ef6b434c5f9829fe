import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readSeedFile } from '../../src/seed/read.js'
import { initialise } from '../../src/startup.js'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { seededApp, tokenHeaders } from '../helpers/seeded.js'

let app: TestApp
afterEach(async () => { await app?.close() })

async function file (name: string, text: string): Promise<string> {
  const path = join(tmpdir(), `port-emulator-${process.pid}-${name}`)
  await writeFile(path, text)
  return path
}

describe('seed files', () => {
  it('bring up every organization of examples/seed.yaml with its own credentials', async () => {
    app = await seededApp()
    const headers = await tokenHeaders(app, 'data-client-id', 'data-client-secret')
    const { entities } = (await app.inject({ method: 'GET', url: '/v1/blueprints/pipeline/entities', headers })).json()
    expect(entities.map((e: { identifier: string }) => e.identifier)).toEqual(['nightly-etl'])
  })

  it('read JSON as well as YAML', async () => {
    const path = await file('seed.json', JSON.stringify({ organizations: [{ clientId: 'a', clientSecret: 'b', blueprints: [{ identifier: 'x', title: 'X', schema: { properties: {} } }] }] }))
    app = await seededApp(path)
    const headers = await tokenHeaders(app, 'a', 'b')
    expect((await app.inject({ method: 'GET', url: '/v1/blueprints/x', headers })).statusCode).toBe(200)
  })

  it('list every structural problem at once', async () => {
    const path = await file('bad.yaml', 'organizations:\n  - clientId: 5\n    users: [{ name: nobody }]\n    colour: red\n')
    const read = await readSeedFile(path)
    const errors = 'errors' in read ? read.errors.join('\n') : ''
    expect(errors).toMatch(/organizations\/0\/clientId/)
    expect(errors).toMatch(/organizations\/0\/users\/0/)
  })

  it('list every blueprint, action and entity the API refuses, naming each', async () => {
    app = await buildTestApp({ ready: false })
    const seed = {
      organizations: [{
        blueprints: [{ identifier: 'svc', title: 'Svc', schema: { properties: { n: { type: 'number' } } } }, { identifier: 'bad bp', title: 'B', schema: { properties: {} } }],
        entities: [{ blueprint: 'svc', identifier: 'a', properties: { n: 'not a number' } }],
        actions: [{ identifier: 'act', trigger: { type: 'self-service', operation: 'CREATE', userInputs: { properties: {} } }, invocationMethod: { type: 'WEBHOOK' } }],
      }],
    }
    const started = await initialise(app, seed)
    expect(started.ok ? [] : started.errors).toEqual([
      expect.stringMatching(/organizations\/0\/blueprints\/1 \(bad bp\): .*identifier/),
      expect.stringMatching(/organizations\/0\/actions\/0 \(act\): .*url/),
      expect.stringMatching(/organizations\/0\/entities\/0 \(a\): .*"properties\/n"/),
    ])
  })

  it('apply entities whose relations point at entities listed after them', async () => {
    app = await buildTestApp({ ready: false })
    const seed = {
      organizations: [{
        blueprints: [
          { identifier: 'svc', title: 'Svc', schema: { properties: {} }, relations: { env: { target: 'env', required: true, many: false } } },
          { identifier: 'env', title: 'Env', schema: { properties: {} } },
        ],
        entities: [{ blueprint: 'svc', identifier: 'a', relations: { env: 'prod' } }, { blueprint: 'env', identifier: 'prod' }],
      }],
    }
    expect(await initialise(app, seed)).toMatchObject({ ok: true })
  })

  it('give the first organization the configured credentials when it names none', async () => {
    app = await buildTestApp({ ready: false, config: { clientId: 'cfg-id', clientSecret: 'cfg-secret' } })
    await initialise(app, { organizations: [{ name: 'Solo' }] })
    expect((await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId: 'cfg-id', clientSecret: 'cfg-secret' } })).statusCode).toBe(200)
  })

  it('seed the embedded demo organization when no seed file is given', async () => {
    app = await buildTestApp({ ready: false })
    expect(await initialise(app)).toEqual({ ok: true, source: 'embedded default' })
    expect(app.emulator.orgs.get('org_portEmulatorDemo')?.actions.all().map((a) => a.identifier)).toEqual(['create_microservice', 'deploy_microservice'])
  })
})

describe('readiness', () => {
  it('answers 503 until the seed is loaded, then 200', async () => {
    app = await buildTestApp({ ready: false })
    expect((await app.inject({ method: 'GET', url: '/_emulator/health' })).statusCode).toBe(503)
    await initialise(app)
    expect((await app.inject({ method: 'GET', url: '/_emulator/health' })).statusCode).toBe(200)
  })
})
