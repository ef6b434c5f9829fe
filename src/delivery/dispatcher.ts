// Reaches the runner when a run starts: signed webhooks with retries, agent queues, emulated backends.
// Runs after the invoking request has its answer; every outcome lands in the organization's delivery journal.
import type { Logger } from 'pino'
import type { Ctx } from '../domain/context.js'
import type { RunListener } from '../domain/run-events.js'
import { patchRun } from '../domain/runs.js'
import { createEntity } from '../domain/entities.js'
import type { EntityInput } from '../schemas/entities.js'
import { setResponse } from '../domain/agent-runs.js'
import type { Emulator } from '../emulator.js'
import type { StoredAction } from '../store/actions.js'
import type { DeliveryRecord } from '../store/deliveries.js'
import type { OrgStore } from '../store/orgs.js'
import type { StoredRun } from '../store/runs.js'
import { buildInvocation, type Invocation } from './invocation.js'
import { portSignature } from './signing.js'
import { TemplateError } from './template.js'
import { attemptWebhook, retryable, type AttemptOutcome, type WebhookRequest } from './webhook.js'

/** A runner living inside the emulator, reached through an `emulator://` URL instead of the network. */
export type InternalRunner = (request: WebhookRequest, org: OrgStore) => Promise<{ status: number, body: string }>

export class Dispatcher implements RunListener {
  readonly internalRunners = new Map<string, InternalRunner>()
  private readonly inFlight = new Set<Promise<void>>()

  constructor (private readonly emulator: Emulator) {}

  private get log (): Logger | undefined {
    return this.emulator.log
  }

  started (ctx: Ctx, run: StoredRun, action: StoredAction): void {
    this.track(this.deliver(ctx.org, run, action).catch((error: unknown) => this.log?.error({ err: error, runId: run.id }, 'delivery failed unexpectedly')))
  }

  /** Background work that closing waits for (bounded by `drain`). */
  private track (work: Promise<void>): void {
    const tracked = work.catch(() => {}).finally(() => this.inFlight.delete(tracked))
    this.inFlight.add(tracked)
  }

  /** Resolves once every delivery in progress has finished, or after `ms`, whichever comes first. */
  async drain (ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms) })
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout])
    clearTimeout(timer)
  }

  private async deliver (org: OrgStore, run: StoredRun, action: StoredAction): Promise<void> {
    try {
      await this.reach(org, run, action)
    } finally {
      this.emulator.changed()
    }
  }

  private async reach (org: OrgStore, run: StoredRun, action: StoredAction): Promise<void> {
    const entity = run.entity === null || run.blueprint === null ? null : org.catalog.entity(run.blueprint.identifier, run.entity.identifier) ?? null
    let invocation: Invocation
    try {
      invocation = await buildInvocation(org, run, action, entity)
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      this.journal(org, run, { kind: 'emulated', type: action.invocationMethod.type, error: error.message })
      this.finish(org, run, 'FAILURE', `Failed to render the invocation payload: ${error.message}`)
      return
    }
    run.payload = invocation.payload
    if (invocation.type === 'INTEGRATION_ACTION' || (invocation.type === 'WEBHOOK' && invocation.agent)) {
      run.pendingExecution = true
      org.runs.updated(run, run.externalRunId)
      this.journal(org, run, { kind: 'agent', type: invocation.type, url: invocation.url, method: invocation.method, headers: invocation.headers, body: JSON.stringify(invocation.body) })
      return
    }
    if (invocation.type === 'UPSERT_ENTITY') {
      this.upsertEntity(org, run, invocation)
      return
    }
    if (invocation.type !== 'WEBHOOK') {
      this.journal(org, run, { kind: 'emulated', type: invocation.type, url: invocation.url, method: invocation.method, body: JSON.stringify(invocation.body) })
      return
    }
    await this.sendWebhook(org, run, invocation)
  }

  /** Port runs UPSERT_ENTITY itself: the rendered mapping is upserted (tied to the run), which then ends. */
  private upsertEntity (org: OrgStore, run: StoredRun, invocation: Invocation): void {
    const { blueprintIdentifier, mapping } = invocation.payload as { blueprintIdentifier: string, mapping: EntityInput }
    this.journal(org, run, { kind: 'emulated', type: invocation.type, url: invocation.url, method: invocation.method, body: JSON.stringify(invocation.body) })
    try {
      createEntity(this.ctx(org), blueprintIdentifier, mapping, { upsert: true, merge: true, validationOnly: false, createMissing: false, runId: run.id })
      this.finish(org, run, 'SUCCESS', undefined)
    } catch (error) {
      this.finish(org, run, 'FAILURE', `Failed to upsert the entity: ${(error as Error).message}`)
    }
  }

  private async sendWebhook (org: OrgStore, run: StoredRun, invocation: Invocation): Promise<void> {
    const { webhookRetries, webhookRetryDelayMs, webhookTimeoutMs } = this.emulator.config
    const body = JSON.stringify(invocation.body)
    let outcome: AttemptOutcome | undefined
    for (let attempt = 1; attempt <= webhookRetries + 1; attempt++) {
      if (attempt > 1) await sleep(webhookRetryDelayMs * 2 ** (attempt - 2))
      const timestamp = String(Math.floor(this.emulator.clock.now() / 1000))
      const signature = portSignature(org.org.clientSecret, timestamp, body)
      const request: WebhookRequest = {
        url: invocation.url,
        method: invocation.method,
        headers: { 'content-type': 'application/json', ...invocation.headers, 'X-Port-Timestamp': timestamp, 'X-Port-Signature': signature },
        body,
      }
      outcome = await this.attempt(request, org, webhookTimeoutMs)
      const response = outcome.status === null ? null : { status: outcome.status, body: outcome.body, latencyMs: outcome.latencyMs }
      this.journal(org, run, { kind: 'webhook', type: 'WEBHOOK', attempt, ...request, signature, timestamp, response, error: outcome.error })
      if (!retryable(outcome)) break
    }
    if (outcome === undefined) return
    const ok = outcome.status !== null && outcome.status < 300 && outcome.status >= 200
    if (invocation.synchronized && outcome.status !== null) this.respond(org, run, outcome.body)
    if (ok) {
      if (invocation.synchronized) this.finish(org, run, 'SUCCESS', undefined)
      return
    }
    const reason = outcome.status === null
      ? `Failed to invoke the webhook: ${outcome.error ?? 'no response'}.`
      : `Failed to invoke the webhook with status code: ${outcome.status}.`
    this.finish(org, run, 'FAILURE', reason)
  }

  private async attempt (request: WebhookRequest, org: OrgStore, timeoutMs: number): Promise<AttemptOutcome> {
    const internal = this.internalRunners.get(request.url)
    if (internal === undefined) return attemptWebhook(request, timeoutMs)
    const started = performance.now()
    const answer = await internal(request, org)
    return { status: answer.status, body: answer.body, latencyMs: Math.round((performance.now() - started) * 100) / 100, error: null }
  }

  /** Ends the run as Port would after a delivery, unless the runner has already ended it. */
  private finish (org: OrgStore, run: StoredRun, status: 'SUCCESS' | 'FAILURE', summary: string | undefined): void {
    if (run.status !== 'IN_PROGRESS') return
    patchRun(this.ctx(org), run.id, { status, ...(summary !== undefined ? { summary } : {}) })
  }

  private respond (org: OrgStore, run: StoredRun, text: string): void {
    if (run.status !== 'IN_PROGRESS') return
    setResponse(this.ctx(org), run.id, parseBody(text))
  }

  /** Port itself acts with the organization's credentials when it updates a run. */
  private ctx (org: OrgStore): Ctx {
    return { emulator: this.emulator, org, actor: { userId: org.org.clientId, isMachine: true } }
  }

  private journal (org: OrgStore, run: StoredRun, entry: Partial<DeliveryRecord> & Pick<DeliveryRecord, 'kind' | 'type'>): void {
    const record: DeliveryRecord = {
      id: this.emulator.ids.delivery(),
      runId: run.id,
      action: run.action.identifier,
      attempt: 1,
      url: '',
      method: 'POST',
      headers: {},
      body: '',
      signature: null,
      timestamp: null,
      response: null,
      error: null,
      at: new Date(this.emulator.clock.now()).toISOString(),
      ...entry,
    }
    org.deliveries.add(redact(record, Object.values(org.org.secrets)))
  }
}

/** JSON when the body is JSON, the text otherwise (as Port stores a synchronized webhook's answer). */
function parseBody (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** The record with every organization secret value replaced: secrets never reach the journal. */
function redact (record: DeliveryRecord, secrets: string[]): DeliveryRecord {
  const present = secrets.filter((s) => s.length > 0)
  if (present.length === 0) return record
  const scrub = (text: string): string => present.reduce((t, s) => t.split(s).join('[redacted]'), text)
  return { ...record, url: scrub(record.url), body: scrub(record.body), headers: Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, scrub(v)])) }
}

async function sleep (ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms))
}
