import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { initialise } from '../../src/startup.js'
import { buildTestApp, type TestApp } from '../helpers/app.js'
import { runCli, startCli } from '../helpers/cli.js'
import { tokenHeaders } from '../helpers/seeded.js'
import { eventually } from '../helpers/wait.js'

let app: TestApp | undefined
afterEach(async () => { await app?.close(); app = undefined })

async function stateFile (): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'port-emulator-state-')), 'state.json')
}

async function startWith (path: string): Promise<TestApp> {
  const started = await buildTestApp({ ready: false, config: { stateFile: path } })
  const result = await initialise(started)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return started
}

async function createEntity (a: TestApp, identifier: string): Promise<void> {
  const headers = await tokenHeaders(a, 'demo-client-id', 'demo-client-secret')
  await a.inject({ method: 'POST', url: '/v1/blueprints/microservice/entities', headers, payload: { identifier, properties: { region: 'x' } } })
}

describe('the state file', () => {
  it('is written shortly after a change and loaded by the next start', async () => {
    const path = await stateFile()
    app = await startWith(path)
    await createEntity(app, 'kept')
    await eventually(async () => (await readFile(path, 'utf8').catch(() => '')).includes('"kept"') || undefined)
    await app.close()
    app = await startWith(path)
    const headers = await tokenHeaders(app, 'demo-client-id', 'demo-client-secret')
    expect((await app.inject({ method: 'GET', url: '/v1/blueprints/microservice/entities/kept', headers })).statusCode).toBe(200)
  })

  it('is written on close even when the last change was a moment ago', async () => {
    const path = await stateFile()
    app = await startWith(path)
    await createEntity(app, 'last-second')
    await app.close()
    app = undefined
    expect(await readFile(path, 'utf8')).toContain('"last-second"')
  })

  it.each([
    ['a truncated file', (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    ['a file of another version', (text: string) => text.replace('"version":1', '"version":99'), /not a port-emulator state of version 1 \(found version 99\)/],
  ])('refuses to start from %s and leaves it untouched', async (_name, damage, message) => {
    const path = await stateFile()
    app = await startWith(path)
    await createEntity(app, 'x')
    await app.close()
    const damaged = damage(await readFile(path, 'utf8'))
    await writeFile(path, damaged)
    app = await buildTestApp({ ready: false, config: { stateFile: path } })
    const result = await initialise(app)
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(message)] })
    await app.close()
    app = undefined
    expect(await readFile(path, 'utf8')).toBe(damaged)
  })

  it('survives kill -9 during heavy writes: the next start loads the last complete save', async () => {
    const path = await stateFile()
    const running = await startCli({ STATE_FILE: path })
    const token = ((await (await fetch(`${running.url}/v1/auth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 'demo-client-id', clientSecret: 'demo-client-secret' }) })).json()) as { accessToken: string }).accessToken
    const write = async (i: number) => fetch(`${running.url}/v1/blueprints/microservice/entities`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ identifier: `e${i}`, properties: { region: 'x'.repeat(2000) } }) }).catch(() => undefined)
    let i = 0
    const deadline = Date.now() + 900
    while (Date.now() < deadline) await Promise.all(Array.from({ length: 20 }, () => write(i++)))
    running.child.kill('SIGKILL')
    await running.exited
    expect(JSON.parse(await readFile(path, 'utf8')).version).toBe(1)
    const again = await startCli({ STATE_FILE: path })
    expect((await runCli(['health', '--url', again.url])).code).toBe(0)
    await again.stop()
  })

  it('refuses a damaged state file at the command line with exit code 2', async () => {
    const path = await stateFile()
    await writeFile(path, '{"format":"port-emulator-state","version":1,"organ')
    const { code, stderr } = await runCli([], { STATE_FILE: path, PORT: '0' })
    expect([code, stderr]).toEqual([2, expect.stringContaining('is not valid JSON')])
  })
})
