import { describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../src/config.js'
import { startCli } from './helpers/cli.js'
import { startSlowRequest } from './helpers/slow-request.js'

const CREDENTIALS = { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET }
const DRAINING = /SIGTERM received/

/** The emulator with a token request half sent, after SIGTERM, once it says it is finishing work in flight. */
async function drainingWithSlowRequest () {
  const running = await startCli()
  const slow = await startSlowRequest(running.url, '/v1/auth/access_token', CREDENTIALS)
  running.child.kill('SIGTERM')
  await running.waitForOutput(DRAINING)
  return { running, slow }
}

describe('port-emulator on SIGTERM with a request in flight', () => {
  it('finishes the request, then exits 0', async () => {
    const running = await startCli()
    const slow = await startSlowRequest(running.url, '/v1/auth/access_token', CREDENTIALS)
    const order: string[] = []
    running.exited.then(() => order.push('exit'), () => {})
    running.child.kill('SIGTERM')
    await running.waitForOutput(DRAINING)
    const response = await slow.finish()
    order.push(`response ${response.status}`)
    expect((await running.exited).code).toBe(0)
    expect(order).toEqual(['response 200', 'exit'])
    slow.close()
  })

  it('asks the client to close its connection, so nothing waits for keep-alive to expire', async () => {
    const { running, slow } = await drainingWithSlowRequest()
    expect((await slow.finish()).headers.connection).toBe('close')
    slow.close()
    await running.exited
  })

  it('refuses new connections while it finishes', async () => {
    const { running, slow } = await drainingWithSlowRequest()
    const refused = await fetch(`${running.url}/_emulator/health`).then(() => undefined, (error: Error) => error.cause)
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' })
    await slow.finish()
    slow.close()
    await running.exited
  })

  it('exits at once with 143 on a second SIGTERM', async () => {
    const { running, slow } = await drainingWithSlowRequest()
    running.child.kill('SIGTERM')
    expect((await running.exited).code).toBe(143)
    await slow.settled
    slow.close()
  })
})
