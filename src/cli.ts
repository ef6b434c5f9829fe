// The `port-emulator` command: --help, --version, `health`, or start the server and stop it on a signal.
import { SETTINGS, loadConfig, DEMO_CLIENT_SECRET, shown, type Config } from './config.js'
import { VERSION } from './version.js'

/** What the CLI needs from its process; `server.ts` passes the real one, tests a fake. */
export interface CliProcess {
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
  on(signal: 'SIGTERM' | 'SIGINT', listener: () => void): unknown
  exit(code: number): never
}

/** Runs the command line; resolves with the exit code once the command (or the server) is done. */
export async function main (argv: readonly string[], env: Record<string, string | undefined>, proc: CliProcess): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { proc.stdout.write(helpText()); return 0 }
  if (argv.includes('--version') || argv.includes('-v')) { proc.stdout.write(`${VERSION}\n`); return 0 }
  if (argv[0] === 'health') return health(argv.slice(1), env, proc)
  const result = loadConfig(env, argv)
  if (!result.ok) {
    proc.stderr.write(`port-emulator: invalid configuration:\n${result.errors.map((e) => `  - ${e}\n`).join('')}Run port-emulator --help for the options.\n`)
    return 2
  }
  const { serve } = await import('./serve.js')
  return serve(result.config, proc, (line) => proc.stderr.write(`${line}\n`))
}

/** `--help`: every flag with its environment variable and default. */
export function helpText (): string {
  const rows = Object.values(SETTINGS).map((s) => {
    const value = s.default === DEMO_CLIENT_SECRET ? `${s.default} (demo default)` : shown(s.default)
    return `  ${`${s.flag} <value>`.padEnd(28)} ${s.help}\n  ${''.padEnd(28)} env ${s.env}, default ${value === '' ? '(none)' : value}\n`
  })
  return `port-emulator ${VERSION}: a local, in-memory emulator of Port's REST API

Usage:
  port-emulator [options]          start the emulator
  port-emulator health [--url URL] exit 0 when the emulator at URL is ready, 1 otherwise
  port-emulator --help | --version

Options (flags win over environment variables):
${rows.join('')}`
}

async function health (argv: readonly string[], env: Record<string, string | undefined>, proc: CliProcess): Promise<number> {
  const flag = argv.findIndex((a) => a === '--url' || a.startsWith('--url='))
  const given = flag === -1 ? undefined : (argv[flag]?.includes('=') === true ? argv[flag]?.slice(6) : argv[flag + 1])
  const url = given ?? `http://127.0.0.1:${env.PORT ?? String(SETTINGS.port.default)}`
  try {
    const response = await fetch(new URL('/_emulator/health', url), { signal: AbortSignal.timeout(2000) })
    const body = await response.json() as { status?: string }
    proc.stdout.write(`${response.status} ${body.status ?? ''}\n`)
    return response.status === 200 && body.status === 'ready' ? 0 : 1
  } catch (error) {
    proc.stderr.write(`port-emulator health: ${url} is not reachable: ${(error as Error).message}\n`)
    return 1
  }
}

/** The start line: where to reach the emulator and with which credentials (the secret only if it is the demo one). */
export function startLine (url: string, config: Config, seed: string): string {
  const secret = config.clientSecret === DEMO_CLIENT_SECRET ? `, client secret ${DEMO_CLIENT_SECRET}` : ''
  return `port-emulator ${VERSION} listening on ${url} (client id ${config.clientId}${secret}; seed: ${seed})`
}
