// Runs the real `port-emulator` command (from the TypeScript sources) as a child process.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ENTRY = ['--import', 'tsx', 'src/server.ts']

export interface Running {
  child: ChildProcess
  url: string
  output: () => string
  /** Sends `signal` and resolves with the exit code and how long the exit took. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null, ms: number }>
}

/** Runs the command to completion: `--help`, `--version`, `health`, or an invalid start. */
export async function runCli (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => { stdout += String(d) })
  child.stderr.on('data', (d) => { stderr += String(d) })
  const [code] = await once(child, 'exit') as [number | null]
  return { code, stdout, stderr }
}

/** Starts the emulator and resolves once it prints its start line. */
export async function startCli (env: Record<string, string> = {}, args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [...ENTRY, ...args], { cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env } })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer): void => {
      output += String(d)
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
  return {
    child,
    url,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      const started = performance.now()
      const exited = once(child, 'exit') as Promise<[number | null]>
      child.kill(signal)
      const [code] = await exited
      return { code, ms: performance.now() - started }
    },
  }
}
