import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../src/logger.js'
import { buildTestApp, tokenFor, type TestApp } from './helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

function memoryLog (): { stream: Writable, lines: () => Array<Record<string, unknown>>, text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({ write (chunk, _enc, done) { chunks.push(String(chunk)); done() } })
  const text = (): string => chunks.join('')
  return { stream, text, lines: () => text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) }
}

describe('request logging', () => {
  it('writes one JSON line per request', async () => {
    const log = memoryLog()
    app = await buildTestApp({ logger: createLogger('info', log.stream) })
    await app.inject({ method: 'GET', url: '/_emulator/health' })
    await app.inject({ method: 'GET', url: '/missing' })
    expect(log.lines().map((l) => [l.method, l.url, l.statusCode])).toEqual([['GET', '/_emulator/health', 200], ['GET', '/missing', 404]])
  })

  it('never writes client secrets or tokens, even at trace level', async () => {
    const log = memoryLog()
    app = await buildTestApp({ logger: createLogger('trace', log.stream) })
    const token = await tokenFor(app)
    await app.inject({ method: 'GET', url: '/v1/organization', headers: { authorization: `Bearer ${token}` } })
    await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId: 'demo-client-id', clientSecret: 'wrong-secret' } })
    app.log.info({ clientSecret: 'demo-client-secret', headers: { authorization: `Bearer ${token}` } }, 'direct')
    expect(log.lines().length).toBeGreaterThanOrEqual(4)
    expect(log.text()).not.toMatch(/demo-client-secret|wrong-secret/)
    expect(log.text()).not.toContain(token.split('.')[2])
  })
})
