// The emulator under load: the seed's blueprint and action, one run to read and update, a token to use.
import { buildApp } from '../src/app.js'
import { createLogger } from '../src/logger.js'
import { DEFAULT_ORG_ID } from '../src/emulator.js'
import { destination } from 'pino'

const logLevel = process.argv[2] ?? 'silent'
// Logs go to stderr (which the bench discards) the way production writes stdout; stdout carries the handshake.
const app = buildApp({ logger: createLogger(logLevel, destination({ dest: 2, sync: false })) })
app.emulator.runListener = { started: () => {} }
await app.ready()
const org = app.emulator.orgs.get(DEFAULT_ORG_ID)
if (org === undefined) throw new Error('no default org')
const now = new Date().toISOString()
org.catalog.blueprints.set('microservice', {
  identifier: 'microservice', title: 'Service', schema: { properties: { region: { type: 'string' } }, required: [] }, relations: {}, mirrorProperties: {}, calculationProperties: {}, createdAt: now, createdBy: 'bench', updatedAt: now, updatedBy: 'bench',
})
const inject = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, token?: string) => {
  const response = await app.inject({ method, url, ...(payload !== undefined ? { payload } : {}), headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
  return response.json()
}
const { accessToken } = await inject('POST', '/v1/auth/access_token', { clientId: 'demo-client-id', clientSecret: 'demo-client-secret' })
await inject('PUT', '/v1/blueprints/microservice/actions', [{ identifier: 'create_microservice', title: 'Create', trigger: 'CREATE', userInputs: { properties: { name: { type: 'string' }, region: { type: 'string' } } }, invocationMethod: { type: 'WEBHOOK', url: 'http://127.0.0.1:9' } }], accessToken)
const { run } = await inject('POST', '/v1/actions/create_microservice/runs', { properties: { name: 'svc', region: 'eu-west-1' } }, accessToken)
const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`${JSON.stringify({ url, token: accessToken, runId: run.id })}\n`)
process.on('SIGTERM', () => { app.close().then(() => process.exit(0), () => process.exit(1)) })
