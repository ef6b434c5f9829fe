import { afterEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { makeAction } from '../helpers/actions.js'
import { deadUrl, startReceiver, type Receiver } from '../helpers/receiver.js'
import { seedRuns, startRun, type RunFixture } from '../helpers/runs.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp
let receiver: Receiver | undefined
afterEach(async () => { await app?.close(); await receiver?.close(); receiver = undefined })

async function withWebhook (invocationMethod: Record<string, unknown>, config = {}): Promise<{ f: RunFixture, runId: string }> {
  app = await buildTestApp({ delivery: true, config: { webhookRetryDelayMs: 1, webhookRetries: 2, ...config } })
  const f = await seedRuns(app, [])
  await f.call('POST', '/v1/actions', makeAction({ invocationMethod }))
  return { f, runId: await startRun(f, 'scaffold', { properties: { name: 'svc' } }) }
}

async function ended (f: RunFixture, runId: string): Promise<Record<string, any>> {
  return eventually(async () => {
    const run = (await f.call('GET', `/v1/actions/runs/${runId}?version=v2`)).body.run
    return run.status === 'IN_PROGRESS' ? undefined : run
  })
}

async function deliveries (f: RunFixture, runId: string, count: number): Promise<Array<Record<string, any>>> {
  return eventually(async () => {
    const list = (await f.call('GET', `/_emulator/deliveries?run_id=${runId}`)).body.deliveries
    return list.length >= count ? list : undefined
  })
}

describe('synchronized webhooks', () => {
  it('end the run SUCCESS on a 2xx reply and keep the reply as the response', async () => {
    receiver = await startReceiver({ status: 200, body: '{"created":"svc"}' })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url, synchronized: true })
    expect(await ended(f, runId)).toMatchObject({ status: 'SUCCESS', response: { created: 'svc' } })
  })

  it('end the run FAILURE on a 500 reply, with a summary', async () => {
    receiver = await startReceiver({ status: 500, body: 'boom' })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url, synchronized: 'true' }, { webhookRetries: 0 })
    expect(await ended(f, runId)).toMatchObject({ status: 'FAILURE', summary: 'Failed to invoke the webhook with status code: 500.', response: 'boom' })
  })
})

describe('asynchronous webhooks', () => {
  it('leave the run IN_PROGRESS after a 2xx reply, for the runner to report', async () => {
    receiver = await startReceiver({ status: 202 })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url })
    await deliveries(f, runId, 1)
    expect((await f.call('GET', `/v1/actions/runs/${runId}`)).body.run.status).toBe('IN_PROGRESS')
  })

  it('retry a receiver that is down, then fail the run with a summary saying why', async () => {
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: await deadUrl() })
    const run = await ended(f, runId)
    expect([run.status, run.summary]).toEqual(['FAILURE', 'Failed to invoke the webhook: ECONNREFUSED.'])
  })

  it('journal every attempt, numbered, with the error', async () => {
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: await deadUrl() })
    await ended(f, runId)
    const list = await deliveries(f, runId, 3)
    expect(list.map((d) => [d.attempt, d.kind, d.error, d.response])).toEqual([[1, 'webhook', 'ECONNREFUSED', null], [2, 'webhook', 'ECONNREFUSED', null], [3, 'webhook', 'ECONNREFUSED', null]])
  })

  it('retry a 503 and succeed on the next attempt', async () => {
    receiver = await startReceiver({ status: 200 })
    receiver.replies.push({ status: 503 })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url })
    const list = await deliveries(f, runId, 2)
    expect(list.map((d) => d.response.status)).toEqual([503, 200])
  })

  it('do not retry a 4xx', async () => {
    receiver = await startReceiver({ status: 404 })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url })
    expect((await ended(f, runId)).summary).toBe('Failed to invoke the webhook with status code: 404.')
    expect(receiver.received).toHaveLength(1)
  })

  it('give up on a receiver slower than the timeout', async () => {
    receiver = await startReceiver({ status: 200, delayMs: 500 })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url }, { webhookTimeoutMs: 50, webhookRetries: 0 })
    expect((await ended(f, runId)).summary).toBe('Failed to invoke the webhook: timed out after 50 ms.')
  })
})

describe('the delivery journal', () => {
  it('answers a long-poll as soon as the delivery lands, well before wait_ms', async () => {
    receiver = await startReceiver({ status: 200, delayMs: 150 })
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url })
    const started = performance.now()
    const { body } = await f.call('GET', `/_emulator/deliveries?run_id=${runId}&wait_ms=2000`)
    expect(body.deliveries).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('answers an empty list when nothing matches within wait_ms', async () => {
    receiver = await startReceiver()
    const { f } = await withWebhook({ type: 'WEBHOOK', url: receiver.url })
    expect((await f.call('GET', '/_emulator/deliveries?run_id=r_none&wait_ms=20')).body).toEqual({ ok: true, deliveries: [] })
  })

  it('records the signature, timestamp and exact body of each attempt, with secrets redacted', async () => {
    receiver = await startReceiver()
    const { f, runId } = await withWebhook({ type: 'WEBHOOK', url: receiver.url, headers: { Authorization: 'Bearer {{ .secrets.TOKEN }}' } }, { orgSecrets: { TOKEN: 'hunter2' } })
    const [record] = await deliveries(f, runId, 1)
    const [request] = await receiver.waitFor(1)
    expect(record).toMatchObject({ signature: request!.headers['x-port-signature'], timestamp: request!.headers['x-port-timestamp'], body: request!.body })
    expect(record!.headers.Authorization).toBe('Bearer [redacted]')
  })
})

describe('backends without an HTTP call', () => {
  it.each([
    [{ type: 'GITHUB', org: 'acme', repo: 'infra', workflow: 'deploy.yml', workflowInputs: { service: '{{ .inputs.name }}' } }, 'https://api.github.com/repos/acme/infra/actions/workflows/deploy.yml/dispatches', { ref: 'main', inputs: { service: 'svc' } }],
    [{ type: 'GITLAB', projectName: 'infra', groupName: 'acme', pipelineVariables: { SERVICE: '{{ .inputs.name }}' } }, 'https://gitlab.com/api/v4/projects/acme%2Finfra/trigger/pipeline', { ref: 'main', variables: { SERVICE: 'svc' } }],
    [{ type: 'AZURE_DEVOPS', org: 'acme', webhook: 'deploy', payload: { service: '{{ .inputs.name }}' } }, 'https://dev.azure.com/acme/_apis/public/distributedtask/webhooks/deploy?api-version=6.0-preview', { service: 'svc' }],
    [{ type: 'KAFKA', payload: { service: '{{ .inputs.name }}' } }, 'kafka://org_portEmulatorDemo.runs', { service: 'svc' }],
  ])('record what Port would send for %j and leave the run IN_PROGRESS', async (method, url, body) => {
    const { f, runId } = await withWebhook(method)
    const [record] = await deliveries(f, runId, 1)
    expect([record!.kind, record!.url, JSON.parse(record!.body)]).toEqual(['emulated', url, body])
    expect((await f.call('GET', `/v1/actions/runs/${runId}`)).body.run.status).toBe('IN_PROGRESS')
  })
})

describe('UPSERT_ENTITY actions', () => {
  it('upsert the rendered entity, tied to the run, and end the run SUCCESS', async () => {
    const { f, runId } = await withWebhook({ type: 'UPSERT_ENTITY', blueprintIdentifier: 'microservice', mapping: { identifier: '{{ .inputs.name }}', title: 'From a run', properties: { region: 'eu-west-1' } } })
    expect((await ended(f, runId)).status).toBe('SUCCESS')
    const { audits } = (await f.call('GET', `/v1/audit-log?run_id=${runId}&resources=entity`)).body
    expect(audits.map((a: any) => [a.action, a.identifier])).toEqual([['CREATE', 'svc']])
  })

  it('end the run FAILURE with the reason when the entity is refused', async () => {
    const { f, runId } = await withWebhook({ type: 'UPSERT_ENTITY', blueprintIdentifier: 'microservice', mapping: { identifier: '{{ .inputs.name }}', properties: { region: 7 } } })
    expect((await ended(f, runId)).summary).toMatch(/^Failed to upsert the entity: .*region/)
  })
})
