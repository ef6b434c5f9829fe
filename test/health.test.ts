import { afterEach, describe, expect, it } from 'vitest'
import { VERSION } from '../src/version.js'
import { buildTestApp, type TestApp } from './helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

describe('GET /_emulator/health', () => {
  it('answers ready with the version, without a token', async () => {
    app = await buildTestApp()
    const response = await app.inject({ method: 'GET', url: '/_emulator/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ready', version: VERSION })
  })

  it('answers 503 while the emulator is not ready', async () => {
    app = await buildTestApp()
    app.emulator.ready = false
    const response = await app.inject({ method: 'GET', url: '/_emulator/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ status: 'starting', version: VERSION })
  })
})
