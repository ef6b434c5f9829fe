import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { SETTINGS, shown } from '../src/config.js'
import { VERSION } from '../src/version.js'
import { runCli, startCli } from './helpers/cli.js'

function escape (s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('port-emulator command', () => {
  it('lists every flag with its environment variable and default in --help', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    for (const s of Object.values(SETTINGS)) expect(stdout).toMatch(new RegExp(`${s.flag}[\\s\\S]*env ${s.env}, default ${escape(shown(s.default))}`))
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

  it('picks a free port with PORT=0 and exits 0 on SIGTERM when idle', async () => {
    const running = await startCli({ PORT: '0' })
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const { code, ms } = await running.stop()
    expect(code).toBe(0)
    expect(ms).toBeLessThan(2000)
  })

  it('reports health through the health subcommand', async () => {
    const running = await startCli()
    expect((await runCli(['health', '--url', running.url])).code).toBe(0)
    await running.stop()
    expect((await runCli(['health', '--url', running.url])).code).toBe(1)
  })
})
