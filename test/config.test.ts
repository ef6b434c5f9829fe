import { describe, expect, it } from 'vitest'
import { defaultConfig, loadConfig } from '../src/config.js'

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({}, [])).toEqual({ ok: true, config: defaultConfig() })
    expect(defaultConfig()).toMatchObject({ port: 7678, host: '127.0.0.1', tokenTtlSeconds: 10800, logLevel: 'info' })
  })

  it('reads environment variables', () => {
    const result = loadConfig({ PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'debug', TOKEN_TTL_SECONDS: '60' }, [])
    expect(result).toMatchObject({ ok: true, config: { port: 0, host: '0.0.0.0', logLevel: 'debug', tokenTtlSeconds: 60 } })
  })

  it('lets flags win over environment variables, in both flag forms', () => {
    const result = loadConfig({ PORT: '1000', PORT_CLIENT_ID: 'env-id' }, ['--port', '2000', '--client-id=flag-id'])
    expect(result).toMatchObject({ ok: true, config: { port: 2000, clientId: 'flag-id' } })
  })

  it('reports every bad entry at once', () => {
    const result = loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' }, ['--token-ttl-seconds', '0', '--nope', '1'])
    expect(result.ok).toBe(false)
    const messages = result.ok ? [] : result.errors
    expect(messages).toHaveLength(4)
    expect(messages.join('\n')).toMatch(/PORT="abc".*\n.*LOG_LEVEL="loud"|--nope/)
  })

  it.each([
    [{ PORT: '70000' }, [], 'PORT'],
    [{}, ['--port', '-1'], '--port'],
    [{}, ['--host'], '--host needs a value'],
    [{ TOKEN_TTL_SECONDS: '1.5' }, [], 'TOKEN_TTL_SECONDS'],
  ])('names the entry at fault: %j %j', (env, argv, expected) => {
    const result = loadConfig(env, argv)
    expect(result.ok ? '' : result.errors.join('\n')).toContain(expected)
  })
})
