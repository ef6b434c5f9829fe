// The emulator's configuration: one table of settings (env var, CLI flag, default, help text) from which
// the TypeBox schema, `--help`, `.env.example` and the README table are all derived.
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** The documented demo credentials of the default organization. */
export const DEMO_CLIENT_ID = 'demo-client-id'
export const DEMO_CLIENT_SECRET = 'demo-client-secret'

const LogLevel = Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)))

/** Every setting, in the order `--help` and the docs list them. */
export const SETTINGS = {
  port: { env: 'PORT', flag: '--port', schema: Type.Integer({ minimum: 0, maximum: 65535 }), default: 7678, help: 'Listen port (0 picks a free port)' },
  host: { env: 'HOST', flag: '--host', schema: Type.String({ minLength: 1 }), default: '127.0.0.1', help: 'Listen address (use 0.0.0.0 in containers)' },
  logLevel: { env: 'LOG_LEVEL', flag: '--log-level', schema: LogLevel, default: 'info', help: 'Log level: fatal, error, warn, info, debug, trace or silent' },
  clientId: { env: 'PORT_CLIENT_ID', flag: '--client-id', schema: Type.String({ minLength: 1 }), default: DEMO_CLIENT_ID, help: 'Client id of the default organization' },
  clientSecret: { env: 'PORT_CLIENT_SECRET', flag: '--client-secret', schema: Type.String({ minLength: 1 }), default: DEMO_CLIENT_SECRET, help: 'Client secret of the default organization (also signs its webhooks)' },
  tokenTtlSeconds: { env: 'TOKEN_TTL_SECONDS', flag: '--token-ttl-seconds', schema: Type.Integer({ minimum: 1 }), default: 10800, help: 'Lifetime of access tokens, in seconds' },
  orgSecrets: { env: 'ORG_SECRETS', flag: '--org-secrets', schema: Type.Record(Type.String(), Type.String()), default: {} as Record<string, string>, help: 'Secrets of the default organization as a JSON object, for {{ .secrets.NAME }} in templates' },
  webhookTimeoutMs: { env: 'WEBHOOK_TIMEOUT_MS', flag: '--webhook-timeout-ms', schema: Type.Integer({ minimum: 1 }), default: 10000, help: 'How long one webhook attempt may take, in milliseconds' },
  webhookRetries: { env: 'WEBHOOK_RETRIES', flag: '--webhook-retries', schema: Type.Integer({ minimum: 0, maximum: 10 }), default: 2, help: 'Retries after a failed webhook attempt (connection error, timeout or 5xx)' },
  webhookRetryDelayMs: { env: 'WEBHOOK_RETRY_DELAY_MS', flag: '--webhook-retry-delay-ms', schema: Type.Integer({ minimum: 0 }), default: 500, help: 'Delay before the first retry, in milliseconds; doubles for each further retry' },
  seedFile: { env: 'SEED_FILE', flag: '--seed', schema: Type.String(), default: '', help: 'Seed file (JSON or YAML) with organizations, blueprints, actions and entities; empty: the embedded demo seed' },
  stateFile: { env: 'STATE_FILE', flag: '--state-file', schema: Type.String(), default: '', help: 'File to load state from at start and save it to after changes and on shutdown; empty: memory only' },
  adminToken: { env: 'EMULATOR_ADMIN_TOKEN', flag: '--admin-token', schema: Type.String(), default: '', help: 'When set, /_emulator control routes (except health) need Authorization: Bearer <this token>' },
  requestJournalSize: { env: 'REQUEST_JOURNAL_SIZE', flag: '--request-journal-size', schema: Type.Integer({ minimum: 1 }), default: 1000, help: 'Requests kept for GET /_emulator/requests' },
  maxEndedRuns: { env: 'MAX_ENDED_RUNS', flag: '--max-ended-runs', schema: Type.Integer({ minimum: 1 }), default: 10000, help: 'Ended runs kept per organization (with their logs); older ones are dropped' },
  deliveryJournalSize: { env: 'DELIVERY_JOURNAL_SIZE', flag: '--delivery-journal-size', schema: Type.Integer({ minimum: 1 }), default: 1000, help: 'Delivery attempts kept for GET /_emulator/deliveries, per organization' },
} as const

/** A setting's value as the docs and `--help` print it. */
export function shown (value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

type Settings = typeof SETTINGS
export type SettingKey = keyof Settings

export const ConfigSchema = Type.Object(
  Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.schema])) as { [K in SettingKey]: Settings[K]['schema'] }
)
/** The validated configuration every part of the emulator reads. */
export type Config = Static<typeof ConfigSchema>

/** The configuration with every setting at its default. */
export function defaultConfig (): Config {
  return Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.default])) as Config
}

export type ConfigResult = { ok: true, config: Config } | { ok: false, errors: string[] }

/**
 * Builds the configuration from environment variables, then CLI flags (`--port 1` or `--port=1`), which win.
 * Reports every bad entry at once rather than stopping at the first.
 */
export function loadConfig (env: Record<string, string | undefined>, argv: readonly string[]): ConfigResult {
  const raw: Partial<Record<SettingKey, { value: string, source: string }>> = {}
  const errors: string[] = []
  const byFlag = new Map<string, SettingKey>(Object.entries(SETTINGS).map(([k, s]) => [s.flag, k as SettingKey]))
  for (const [key, s] of Object.entries(SETTINGS) as Array<[SettingKey, Settings[SettingKey]]>) {
    const value = env[s.env]
    if (value !== undefined && value !== '') raw[key] = { value, source: s.env }
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const key = byFlag.get(flag)
    if (key === undefined) {
      errors.push(flag.startsWith('-') ? `unknown option ${flag}` : `unexpected argument ${JSON.stringify(flag)}`)
      if (eq === -1 && flag.startsWith('-') && argv[i + 1]?.startsWith('-') === false) i++
      continue
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) { errors.push(`${flag} needs a value`); continue }
    raw[key] = { value, source: flag }
  }
  const config = defaultConfig() as Record<SettingKey, unknown>
  for (const [key, entry] of Object.entries(raw) as Array<[SettingKey, { value: string, source: string }]>) {
    const schema = SETTINGS[key].schema
    const value = parse((schema as { type?: string }).type, entry.value)
    if (!Value.Check(schema, value)) {
      errors.push(`${entry.source}=${JSON.stringify(entry.value)} is invalid: ${describe(key)}`)
      continue
    }
    config[key] = value
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config: config as Config }
}

function parse (type: string | undefined, raw: string): unknown {
  if (type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : raw
  if (type !== 'object') return raw
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

function describe (key: SettingKey): string {
  const s = SETTINGS[key].schema as { type?: string, minimum?: number, maximum?: number }
  if (s.type === 'integer') return `expected an integer${s.minimum !== undefined ? ` >= ${s.minimum}` : ''}${s.maximum !== undefined ? ` and <= ${s.maximum}` : ''}`
  if (s.type === 'object') return 'expected a JSON object of strings'
  return SETTINGS[key].help
}
