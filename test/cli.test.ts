import { describe, expect, it } from 'vitest'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SETTINGS, shown } from '../src/config.js'
import { VERSION } from '../src/version.js'
import { runCli, startCli } from './helpers/cli.js'
import { freePort } from './helpers/net.js'

function escape (s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('port-emulator command', () => {
  it('lists every flag with its environment variable and default in --help', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    // Each flag's own row: the flag, then on the next line its variable and default.
    for (const s of Object.values(SETTINGS)) expect(stdout).toMatch(new RegExp(`${s.flag} <value>.*\\n\\s+env ${s.env}, default ${escape(shown(s.default))}`))
  })

  it('prints its version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` })
  })

  it.each([
    [['--port', 'eighty'], {}, '--port="eighty"'],
    [['--colour', 'red'], {}, 'unknown option --colour'],
    [[], { TOKEN_TTL_SECONDS: '-5' }, 'TOKEN_TTL_SECONDS="-5"'],
  ])('exits non-zero naming the bad entry for %j %j', async (args, env, named) => {
    const { code, stderr } = await runCli(args, env)
    expect(code).toBe(2)
    expect(stderr).toContain(named)
  })

  it('listens on the port PORT names and reports the URL', async () => {
    const port = await freePort()
    const running = await startCli({ PORT: String(port) })
    expect(running.url).toBe(`http://127.0.0.1:${port}`)
    const health = await fetch(`${running.url}/_emulator/health`)
    expect(await health.json()).toEqual({ status: 'ready', version: VERSION })
    expect((await running.stop()).code).toBe(0)
  })

  it('picks a free port with PORT=0', async () => {
    const running = await startCli({ PORT: '0' })
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    await running.stop()
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 within 2 s of %s when idle', async (signal) => {
    const running = await startCli()
    const { code, ms } = await running.stop(signal)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(2000)
  })

  it('exits 0 within 2 s of SIGTERM after serving keep-alive clients', async () => {
    const running = await startCli()
    expect((await fetch(`${running.url}/_emulator/health`)).status).toBe(200)
    const { code, ms } = await running.stop()
    expect(code).toBe(0)
    expect(ms).toBeLessThan(2000)
  })

  it('states the URL, client id, demo secret and seed in one start line', async () => {
    const running = await startCli()
    const line = running.output().split('\n').find((l) => l.includes('listening on'))
    expect(line).toBe(`port-emulator ${VERSION} listening on ${running.url} (client id ${DEMO_CLIENT_ID}, client secret ${DEMO_CLIENT_SECRET}; seed: embedded default)`)
    await running.stop()
  })

  it('never prints a client secret other than the demo one', async () => {
    const running = await startCli({ PORT_CLIENT_ID: 'ci-client', PORT_CLIENT_SECRET: 'not-for-logs-4f1c', LOG_LEVEL: 'info' })
    await fetch(`${running.url}/v1/auth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'ci-client', clientSecret: 'not-for-logs-4f1c' }) })
    await running.stop()
    expect(running.output()).toContain('client id ci-client;')
    expect(running.output()).not.toContain('not-for-logs-4f1c')
  })

  it('reports health through the health subcommand', async () => {
    const running = await startCli()
    expect((await runCli(['health', '--url', running.url])).code).toBe(0)
    await running.stop()
    expect((await runCli(['health', '--url', running.url])).code).toBe(1)
  })
})
