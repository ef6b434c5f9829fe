// Runs the real `port-emulator` command (from the TypeScript sources, or any built copy) as a child process.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { once } from 'node:events'
import { ROOT } from './env.js'

const ENTRY = ['--import', 'tsx', 'src/server.ts']

export interface Exit { code: number | null, signal: NodeJS.Signals | null }

export interface Running {
  child: ChildProcess
  url: string
  /** Everything printed so far, stdout and stderr interleaved. */
  output: () => string
  /** Resolves with the first match of `pattern` in the output, now or once it is printed. */
  waitForOutput: (pattern: RegExp) => Promise<string>
  /** Settles when the process exits. */
  exited: Promise<Exit>
  /** Sends `signal` and resolves with the exit code and how long the exit took. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null, ms: number }>
}

/** Runs a command to completion and collects its output. */
export async function runProcess (command: string, args: string[], options: SpawnOptions): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d) => { stdout += String(d) })
  child.stderr?.on('data', (d) => { stderr += String(d) })
  const [code] = await once(child, 'close') as [number | null]
  return { code, stdout, stderr }
}

/** Runs the command to completion: `--help`, `--version`, `health`, or an invalid start. */
export async function runCli (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return runProcess(process.execPath, [...ENTRY, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env } })
}

/** Starts the emulator from the sources and resolves once it prints its start line. */
export async function startCli (env: Record<string, string> = {}, args: string[] = []): Promise<Running> {
  return startProcess(process.execPath, [...ENTRY, ...args], { cwd: ROOT, env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', ...env } })
}

/** Starts any command that prints the emulator's start line, and resolves once it has. */
export async function startProcess (command: string, args: string[], options: SpawnOptions): Promise<Running> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const waiters = new Set<() => void>()
  const onData = (d: Buffer): void => {
    output += String(d)
    for (const wake of waiters) wake()
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const waitForOutput = (pattern: RegExp): Promise<string> => new Promise((resolve, reject) => {
    const check = (): void => {
      const match = pattern.exec(output)
      if (match !== null) { waiters.delete(check); resolve(match[1] ?? match[0]) }
    }
    waiters.add(check)
    check()
    exited.then(({ code }) => reject(new Error(`exited with ${code} before printing ${pattern}: ${output}`)))
  })
  const url = await waitForOutput(/listening on (http:\/\/\S+)/)
  return {
    child,
    url,
    output: () => output,
    waitForOutput,
    exited,
    stop: async (signal = 'SIGTERM') => {
      const started = performance.now()
      child.kill(signal)
      const { code } = await exited
      return { code, ms: performance.now() - started }
    },
  }
}
