// A complete test of a webhook runner against the in-process emulator (vitest; jest works the same way).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { portSignature, startEmulator, type RunningEmulator } from 'port-emulator'

// The code under test: a runner that checks Port's signature, deploys, and reports the run back to Port.
interface RunnerConfig { portApiUrl: string, clientId: string, clientSecret: string }
function myRunner (config: RunnerConfig): Server {
  const { clientId, clientSecret } = config
  return createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => { body += chunk })
    req.on('end', async () => {
      const timestamp = String(req.headers['x-port-timestamp'])
      if (req.headers['x-port-signature'] !== portSignature(clientSecret, timestamp, body)) return res.writeHead(401).end()
      const { runId, service } = JSON.parse(body)
      const portApiUrl = config.portApiUrl
      const auth = await fetch(`${portApiUrl}/v1/auth/access_token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, clientSecret }),
      })
      const headers = { authorization: `Bearer ${(await auth.json()).accessToken}`, 'content-type': 'application/json' }
      await fetch(`${portApiUrl}/v1/actions/runs/${runId}/logs`, { method: 'POST', headers, body: JSON.stringify({ message: `deploying ${service}` }) })
      await fetch(`${portApiUrl}/v1/actions/runs/${runId}`, { method: 'PATCH', headers, body: JSON.stringify({ status: 'SUCCESS', link: 'https://ci.example/1' }) })
      res.writeHead(200).end()
    })
  })
}

let port: RunningEmulator
const config: RunnerConfig = { portApiUrl: '', clientId: 'my-client-id', clientSecret: 'my-client-secret' }
const runner = myRunner(config)

beforeAll(async () => {
  await new Promise<void>((resolve) => runner.listen(0, '127.0.0.1', resolve))
  const runnerUrl = `http://127.0.0.1:${(runner.address() as AddressInfo).port}`
  port = await startEmulator({
    seed: {
      organizations: [{
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        blueprints: [{ identifier: 'service', title: 'Service', schema: { properties: {} } }],
        entities: [{ blueprint: 'service', identifier: 'checkout' }],
        actions: [{
          identifier: 'deploy',
          trigger: { type: 'self-service', operation: 'DAY-2', blueprintIdentifier: 'service', userInputs: { properties: {} } },
          invocationMethod: { type: 'WEBHOOK', url: runnerUrl, body: { runId: '{{ .run.id }}', service: '{{ .entity.identifier }}' } },
        }],
      }],
    },
  })
  config.portApiUrl = port.url
})

afterEach(async () => { await port.reset() })
afterAll(async () => { await port.close(); runner.close() })

it('deploys the service and reports the run as SUCCESS with a log and a link', async () => {
  const headers = { authorization: `Bearer ${await port.token()}`, 'content-type': 'application/json' }
  const invoked = await fetch(`${port.url}/v1/actions/deploy/runs`, { method: 'POST', headers, body: JSON.stringify({ entity: 'checkout', properties: {} }) })
  const { run } = await invoked.json()

  const delivery = await port.deliveries.waitFor({ runId: run.id })
  expect(delivery.response?.status).toBe(200)

  const { run: finished } = await (await fetch(`${port.url}/v1/actions/runs/${run.id}`, { headers })).json()
  expect(finished).toMatchObject({ status: 'SUCCESS', link: ['https://ci.example/1'] })
  const { runLogs } = await (await fetch(`${port.url}/v1/actions/runs/${run.id}/logs`, { headers })).json()
  expect(runLogs.map((log: { message: string }) => log.message)).toEqual(['deploying checkout'])
})
