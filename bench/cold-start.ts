// Cold start: from spawning the process to the first 200 from the health route, the emulator (built, as
// `npm start` and the image run it) against a bare Fastify app. Median of several starts.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const RUNS = Number(process.env.BENCH_STARTS ?? 7)
const bare = join(tmpdir(), 'port-emulator-bare-start.mjs')
writeFileSync(bare, `import Fastify from '${new URL('../node_modules/fastify/fastify.js', import.meta.url).href}'
const app = Fastify()
app.get('/_emulator/health', async () => ({ status: 'ready' }))
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
`)

async function startOnce (args: string[], port: number): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent' }, stdio: 'ignore' })
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/_emulator/health`).then((r) => r.status === 200, () => false)
    if (ok) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const ms = performance.now() - started
  child.kill('SIGTERM')
  await once(child, 'exit')
  return ms
}

async function median (args: string[]): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await startOnce(args, 17_000 + i))
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/** Median milliseconds to a healthy answer: [emulator, bare]. */
export async function coldStart (): Promise<[number, number]> {
  return [await median(['dist/server.js']), await median([bare])]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [emulator, base] = await coldStart()
  console.log(`cold start to healthy: emulator ${emulator.toFixed(0)} ms, bare Fastify ${base.toFixed(0)} ms, ratio ${(emulator / base).toFixed(2)}`)
}
