import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../src/index.js'

let port: RunningEmulator | undefined
afterEach(async () => { await port?.close(); port = undefined })

async function get (path: string, token: string): Promise<Response> {
  return fetch(`${port!.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
}

describe('startEmulator', () => {
  it('starts the demo organization on a free loopback port, ready', async () => {
    port = await startEmulator()
    expect([port.url, port.clientId, port.orgId]).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), 'demo-client-id', 'org_portEmulatorDemo'])
    expect((await fetch(`${port.url}/_emulator/health`)).status).toBe(200)
  })

  it('makes tokens expire when the clock moves past their lifetime', async () => {
    port = await startEmulator({ config: { tokenTtlSeconds: 60 } })
    const token = await port.token()
    port.clock.advance(61_000)
    expect((await get('/v1/blueprints', token)).status).toBe(401)
  })

  it('restores a snapshot taken earlier', async () => {
    port = await startEmulator()
    const token = await port.token()
    const before = port.snapshot()
    await fetch(`${port.url}/v1/blueprints/microservice/entities/my-microservice`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
    port.restore(before)
    expect((await get('/v1/blueprints/microservice/entities/my-microservice', token)).status).toBe(200)
  })

  it('rejects deliveries.waitFor when nothing arrives in time', async () => {
    port = await startEmulator()
    await expect(port.deliveries.waitFor({ runId: 'r_none' }, { timeoutMs: 20 })).rejects.toThrow(/no delivery matching/)
  })

  it('refuses to start from a seed that does not apply, naming the problem', async () => {
    await expect(startEmulator({ seed: { organizations: [{ blueprints: [{ identifier: 'x' }] }] } })).rejects.toThrow(/organizations\/0\/blueprints\/0 \(x\)/)
  })
})
