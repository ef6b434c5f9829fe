// npm run bench: the emulator's hot routes against a bare Fastify + TypeBox app, in the same run, as ratios.
// Each server runs in its own process; autocannon drives it from this one. Numbers vary by machine; ratios travel.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import autocannon from 'autocannon'
import { coldStart } from './cold-start.js'

const DURATION = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = 10

interface Started { child: ChildProcess, info: { url: string, token?: string, runId?: string } }

async function start (script: string, args: string[] = []): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'ignore'] })
  const [line] = await once(child.stdout!, 'data') as [Buffer]
  return { child, info: JSON.parse(String(line).split('\n')[0] ?? '{}') }
}

async function stop (s: Started): Promise<void> {
  s.child.kill('SIGTERM')
  await once(s.child, 'exit')
}

async function load (url: string, method: 'GET' | 'PATCH' | 'POST', token?: string, body?: object): Promise<number> {
  await measure(url, method, token, body, 1)
  return measure(url, method, token, body, DURATION)
}

/** One autocannon run; the first (1 s) of each scenario only warms the JIT up. */
async function measure (url: string, method: 'GET' | 'PATCH' | 'POST', token: string | undefined, body: object | undefined, duration: number): Promise<number> {
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration,
    headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  if (result.non2xx > 0) throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers`)
  return result.requests.average
}

const rows: Array<[string, number, number]> = []
for (const level of ['silent', 'info']) {
  const bare = await start('bench/bare-server.ts', [level])
  const bareRun = `${bare.info.url}/v1/actions/runs/r_0000000000000001`
  const yard = {
    get: await load(bareRun, 'GET'),
    patch: await load(bareRun, 'PATCH', undefined, { statusLabel: 'working', link: ['https://ci.example/1'] }),
    log: await load(`${bareRun}/logs`, 'POST', undefined, { message: 'step' }),
  }
  await stop(bare)
  const emu = await start('bench/emulator-server.ts', [level])
  const run = `${emu.info.url}/v1/actions/runs/${emu.info.runId ?? ''}`
  const t = emu.info.token
  rows.push([`GET run (logs ${level})`, await load(run, 'GET', t), yard.get])
  rows.push([`GET runs?blueprint (logs ${level})`, await load(`${emu.info.url}/v1/actions/runs?blueprint=microservice&limit=10`, 'GET', t), yard.get])
  rows.push([`PATCH run (logs ${level})`, await load(run, 'PATCH', t, { statusLabel: 'working', link: ['https://ci.example/1'] }), yard.patch])
  rows.push([`POST log (logs ${level})`, await load(`${run}/logs`, 'POST', t, { message: 'step' }), yard.log])
  await stop(emu)
}

console.log('\nEach row: the emulator\'s route against a bare Fastify + TypeBox route of the same shape, same logging.')
console.log(`${'scenario'.padEnd(34)} ${'emulator req/s'.padStart(15)} ${'bare req/s'.padStart(12)} ${'ratio'.padStart(7)}`)
for (const [name, value, base] of rows) {
  console.log(`${name.padEnd(34)} ${value.toFixed(0).padStart(15)} ${base.toFixed(0).padStart(12)} ${(value / base).toFixed(2).padStart(7)}`)
}
const [emulatorStart, bareStart] = await coldStart()
console.log(`cold start to healthy: emulator ${emulatorStart.toFixed(0)} ms, bare Fastify ${bareStart.toFixed(0)} ms, ratio ${(emulatorStart / bareStart).toFixed(2)}`)
