import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { startReceiver, type Receiver } from '../helpers/receiver.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'
import { createInvocationBody, createMicroservice, day2InvocationBody, deployMicroservice } from '../helpers/seed-doc.js'
import { normalized } from '../helpers/shape.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
let receiver: Receiver
afterEach(async () => { await app?.close(); await receiver?.close() })

const SECRET = 'demo-client-secret'

/** The receiving side of Port's documented recipe: HMAC-SHA256 of "<timestamp>.<raw body>", base64, after "v1,". */
function verify (headers: Record<string, unknown>, body: string): boolean {
  const timestamp = String(headers['x-port-timestamp'])
  const [version, mac] = String(headers['x-port-signature']).split(',')
  return version === 'v1' && mac === createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('base64')
}

async function setup (actions: Array<Record<string, unknown>>, config = {}): Promise<RunFixture> {
  receiver ??= await startReceiver()
  app = await buildTestApp({ delivery: true, config: { webhookRetryDelayMs: 1, ...config } })
  return seedRuns(app, actions)
}

const at = (url: string) => ({ type: 'WEBHOOK', agent: false, url })

describe('webhook delivery of legacy actions', () => {
  it("sends the seed's CREATE body, signed as Port documents", async () => {
    receiver = await startReceiver()
    const f = await setup([{ ...createMicroservice, invocationMethod: at(receiver.url) }])
    await f.invoke('create_microservice', { properties: { name: 'my-microservice', region: 'eu-west-1' } }, '?run_as=test@test.com')
    const [request] = await receiver.waitFor(1)
    const expected = structuredClone(createInvocationBody)
    Object.assign(expected.payload.action, { createdBy: 'demo-client-id', updatedBy: 'demo-client-id' })
    expected.payload.action.invocationMethod.url = receiver.url
    expect(normalized(JSON.parse(request!.body))).toEqual(normalized(expected))
    expect(verify(request!.headers, request!.body)).toBe(true)
  })

  it("sends the seed's DAY-2 body with the entity", async () => {
    receiver = await startReceiver()
    const f = await setup([{ ...deployMicroservice, invocationMethod: at(receiver.url) }])
    await f.invoke('deploy_microservice', { entity: 'my-microservice', properties: { environment: 'production' } }, '?run_as=test@test.com')
    const [request] = await receiver.waitFor(1)
    const expected = structuredClone(day2InvocationBody)
    Object.assign(expected.payload.action, { createdBy: 'demo-client-id', updatedBy: 'demo-client-id' })
    expected.payload.action.invocationMethod.url = receiver.url
    expect(normalized(JSON.parse(request!.body))).toEqual(normalized({ ...expected, payload: { ...expected.payload, entity: { ...expected.payload.entity, createdBy: 'seed', updatedBy: 'seed' } } }))
  })

  it('uses POST with a JSON content type and the timestamp in unix seconds', async () => {
    receiver = await startReceiver()
    const f = await setup([{ ...createMicroservice, invocationMethod: at(receiver.url) }])
    await startRun(f)
    const [request] = await receiver.waitFor(1)
    expect([request!.method, request!.headers['content-type'], request!.headers['x-port-timestamp']]).toEqual(['POST', 'application/json', String(Date.parse('2024-01-01T00:00:00.000Z') / 1000)])
  })
})

describe('webhook delivery of current actions', () => {
  it('renders the body template, headers and secrets with jq', async () => {
    receiver = await startReceiver()
    const body = { '{{ spreadValue() }}': '{{ .inputs }}', port_context: { runId: '{{ .run.id }}', by: '{{ .trigger.by.userId }}' }, '{{ if .inputs.debug then "debug" else null end }}': true }
    const action = makeAction({ invocationMethod: { type: 'WEBHOOK', url: `${receiver.url}/hooks/{{ .action.identifier }}`, method: 'PUT', headers: { RUN_ID: '{{ .run.id }}', Authorization: 'Bearer {{ .secrets.TOKEN }}' }, body } })
    const f = await setup([], { orgSecrets: { TOKEN: 's3cr3t' } })
    await f.call('POST', '/v1/actions', action)
    const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
    const [request] = await receiver.waitFor(1)
    expect(JSON.parse(request!.body)).toEqual({ name: 'svc', port_context: { runId, by: 'demo-client-id' } })
    expect([request!.method, request!.path, request!.headers.run_id, request!.headers.authorization]).toEqual(['PUT', '/hooks/scaffold', runId, 'Bearer s3cr3t'])
    expect(verify(request!.headers, request!.body)).toBe(true)
  })

  it('sends the run message when the action has no body template', async () => {
    receiver = await startReceiver()
    const f = await setup([])
    await f.call('POST', '/v1/actions', makeAction({ invocationMethod: { type: 'WEBHOOK', url: receiver.url } }))
    const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
    const [request] = await receiver.waitFor(1)
    expect(JSON.parse(request!.body)).toMatchObject({ action: 'scaffold', resourceType: 'run', status: 'TRIGGERED', context: { runId } })
  })

  it('shows the rendered invocation as the v2 run payload', async () => {
    receiver = await startReceiver()
    const f = await setup([])
    await f.call('POST', '/v1/actions', makeAction({ invocationMethod: { type: 'WEBHOOK', url: receiver.url, headers: { RUN_ID: '{{ .run.id }}' }, body: { port_context: { runId: '{{ .run.id }}' } } } }))
    const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
    await receiver.waitFor(1)
    const { body } = await f.call('GET', `/v1/actions/runs/${runId}?version=v2`)
    expect(body.run.payload).toEqual({ type: 'WEBHOOK', url: receiver.url, agent: false, synchronized: false, method: 'POST', headers: { RUN_ID: runId }, body: { port_context: { runId } } })
  })

  it('fails the run with a summary naming the expression when a jq template fails', async () => {
    receiver = await startReceiver()
    const f = await setup([])
    await f.call('POST', '/v1/actions', makeAction({ invocationMethod: { type: 'WEBHOOK', url: receiver.url, body: { x: '{{ .inputs | nosuchfunction }}' } } }))
    const runId = await startRun(f, 'scaffold', { properties: { name: 'svc' } })
    const run = await eventually(async () => { const r = (await f.call('GET', `/v1/actions/runs/${runId}`)).body.run; return r.status === 'FAILURE' ? r : undefined })
    expect(run.summary).toMatch(/^Failed to render the invocation payload: jq expression \{\{ \.inputs \| nosuchfunction \}\} failed/)
  })
})
