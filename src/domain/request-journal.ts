// Reading the request journal: filters, the record each raw entry becomes, and redaction of every secret in it.
import type { Emulator } from '../emulator.js'
import type { RequestRecord } from '../schemas/request-journal.js'
import { redact } from '../secrets.js'
import type { RequestEntry } from '../store/requests.js'
import { pathOf, pathRegex } from './path-pattern.js'

export interface RequestFilter {
  method?: string
  /** Exact path, or a pattern with `*`. */
  path?: string
  status?: number
  runId?: string
  orgId?: string
  /** Keep only the newest `limit` matches. */
  limit?: number
}

const TOKEN_ROUTE = '/v1/auth/access_token'
const RUN_PATH = /^\/v1\/actions\/runs\/([^/]+)/
// Fixed route names under /v1/actions/runs/ that are not run ids (Port's agent routes).
const NOT_RUN_IDS = new Set(['claim-pending', 'ack'])

/** Matching requests in the order they arrived (oldest first), with every secret redacted. */
export function listRequests (emulator: Emulator, filter: RequestFilter = {}): RequestRecord[] {
  const entries = emulator.requestJournal.entries()
  const method = filter.method?.toUpperCase()
  const path = filter.path === undefined ? undefined : pathRegex(filter.path)
  const limit = filter.limit ?? Infinity
  const found: RequestRecord[] = []
  for (let i = entries.length - 1; i >= 0 && found.length < limit; i--) {
    const entry = entries[i] as RequestEntry
    if ((method !== undefined && entry.method !== method) || (filter.status !== undefined && entry.status !== filter.status)) continue
    const entryPath = pathOf(entry.url)
    if (path !== undefined && !path.test(entryPath)) continue
    const record = recordOf(emulator, entry, entryPath)
    if ((filter.runId !== undefined && record.runId !== filter.runId) || (filter.orgId !== undefined && record.orgId !== filter.orgId)) continue
    found.push(record)
  }
  const secrets = knownSecrets(emulator)
  return found.reverse().map((record) => redact(record, secrets) as RequestRecord)
}

function recordOf (emulator: Emulator, entry: RequestEntry, path: string): RequestRecord {
  const query = queryOf(entry.url)
  const request = bodyOf(entry.requestBody, entry.requestBodyLength)
  const response = bodyOf(entry.responseBody, entry.responseBodyLength)
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(entry.headers)) if (value !== undefined) headers[name] = value
  return {
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    method: entry.method,
    path,
    query,
    status: entry.status,
    durationMs: entry.durationMs === null ? null : Math.round(entry.durationMs * 100) / 100,
    orgId: entry.orgId ?? credentialsOrg(emulator, path, entry.status, request.body),
    runId: runOf(path, query, response.body),
    fault: entry.fault,
    request: { headers, ...request },
    response,
  }
}

function bodyOf (text: string | null, length: number): { body: unknown, truncated: boolean } {
  if (text === null) return { body: null, truncated: false }
  if (text.length < length) return { body: text, truncated: true }
  try {
    return { body: JSON.parse(text), truncated: false }
  } catch {
    return { body: text, truncated: false }
  }
}

function queryOf (url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  const q = url.indexOf('?')
  if (q === -1) return query
  for (const [name, value] of new URLSearchParams(url.slice(q + 1))) {
    const seen = query[name]
    query[name] = seen === undefined ? value : [...[seen].flat(), value]
  }
  return query
}

// The run in the path, else the run the response returns (an invocation), else the `run_id` query parameter.
function runOf (path: string, query: Record<string, string | string[]>, responseBody: unknown): string | null {
  const segment = RUN_PATH.exec(path)?.[1]
  if (segment !== undefined && !NOT_RUN_IDS.has(segment)) return decoded(segment)
  const returned = (responseBody as { run?: { id?: unknown } } | null)?.run?.id
  if (typeof returned === 'string') return returned
  const param = query.run_id
  return typeof param === 'string' ? param : null
}

// The token route carries credentials rather than a token: the organization is the one they belong to.
function credentialsOrg (emulator: Emulator, path: string, status: number | null, body: unknown): string | null {
  const clientId = (body as { clientId?: unknown } | null)?.clientId
  if (path !== TOKEN_ROUTE || status !== 200 || typeof clientId !== 'string') return null
  return emulator.orgs.byClientId(clientId)?.org.id ?? null
}

/** Every secret value the emulator knows, so that one quoted in free text is redacted too. */
function knownSecrets (emulator: Emulator): string[] {
  const orgSecrets = emulator.orgs.all().flatMap((o) => [o.org.clientSecret, ...Object.values(o.org.secrets)])
  return [emulator.config.adminToken, ...orgSecrets].filter((s) => s !== '')
}

function decoded (segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
