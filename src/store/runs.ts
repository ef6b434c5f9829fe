// Runs and their logs for one organization, with indexes so listing never scans every run.
import type { RequiredApproval } from '../schemas/action.js'
import { ENDED_STATUSES, type RunSource, type RunStatus } from '../schemas/run.js'

export interface RunRef { identifier: string, title: string | null, icon: string | null }
export interface Approval { userId: string, state: 'APPROVED' | 'DECLINED', description: string | null, at: string }
export interface RunTrigger {
  by: { orgId: string, userId: string, user: { email: string | null, firstName: string | null, lastName: string | null, id: string } }
  origin: RunSource
  at: string
}

/** A run as stored: the fields of both API versions plus what the emulator needs internally (`trigger`, `approvals`). */
export interface StoredRun {
  id: string
  status: RunStatus
  statusLabel: string | null
  action: RunRef
  blueprint: RunRef | null
  entity: RunRef | null
  properties: Record<string, unknown>
  source: RunSource
  requiredApproval: RequiredApproval
  approvals: Approval[]
  link?: string[]
  summary?: string
  externalRunId?: string
  message?: Record<string, unknown>
  payload: Record<string, unknown> | null
  response?: unknown
  /** Set for runs an agent must claim (`invocationMethod.agent`); cleared by the acknowledgement. */
  pendingExecution?: boolean
  claimedUntil?: string
  installationId?: string
  endedAt: string | null
  createdAt: string
  updatedAt: string
  createdBy: string
  updatedBy: string
  impersonatedBy?: string
  trigger: RunTrigger
}

export interface StoredLog { id: string, runId: string, message: string, createdAt: string, createdBy: string }

export interface RunFilter {
  entity?: string
  blueprint?: string
  action?: string
  userId?: string
  userEmail?: string
  externalRunId?: string
  sources?: RunSource[]
  active?: boolean
}

type IndexName = 'entity' | 'blueprint' | 'action' | 'userId' | 'userEmail' | 'externalRunId'

/**
 * Storage only. Index lists hold runs in creation order, so newest-first is a walk from the end. At most
 * `maxEnded` ended runs are kept: the oldest to end go first, with their logs; lists drop them lazily.
 */
export class RunStore {
  private readonly byId = new Map<string, StoredRun>()
  private order: StoredRun[] = []
  /** Ended runs in the order they ended: the front is dropped first. */
  private ended: StoredRun[] = []
  private dropped = 0
  private readonly active = new Set<StoredRun>()
  /** Runs waiting for an agent to claim and acknowledge them, in creation order. */
  readonly pending = new Set<StoredRun>()
  private readonly indexes: Record<IndexName, Map<string, StoredRun[]>> = {
    entity: new Map(), blueprint: new Map(), action: new Map(), userId: new Map(), userEmail: new Map(), externalRunId: new Map(),
  }

  private readonly logs = new Map<string, StoredLog[]>()

  constructor (private readonly maxEnded = Number.POSITIVE_INFINITY) {}

  get (id: string): StoredRun | undefined {
    return this.byId.get(id)
  }

  add (run: StoredRun): void {
    this.byId.set(run.id, run)
    this.order.push(run)
    if (!isEnded(run)) this.active.add(run)
    else this.retire(run)
    if (!isEnded(run) && run.pendingExecution === true) this.pending.add(run)
    this.index('entity', run.entity?.identifier, run)
    this.index('blueprint', run.blueprint?.identifier, run)
    this.index('action', run.action.identifier, run)
    this.index('userId', run.createdBy, run)
    this.index('userEmail', run.trigger.by.user.email ?? undefined, run)
    this.index('externalRunId', run.externalRunId, run)
  }

  /** Call after changing `status` or `externalRunId`, so the indexes follow. */
  updated (run: StoredRun, previousExternalRunId: string | undefined): void {
    if (isEnded(run) && this.active.delete(run)) this.retire(run)
    if (isEnded(run) || run.pendingExecution !== true) this.pending.delete(run)
    else this.pending.add(run)
    if (run.externalRunId !== previousExternalRunId) {
      if (previousExternalRunId !== undefined) {
        const list = this.indexes.externalRunId.get(previousExternalRunId)
        if (list !== undefined) list.splice(list.indexOf(run), 1)
      }
      this.index('externalRunId', run.externalRunId, run)
    }
  }

  /** Runs matching every filter, newest first, at most `limit`. */
  list (filter: RunFilter, limit: number): StoredRun[] {
    const candidates = this.candidates(filter)
    const out: StoredRun[] = []
    for (let i = candidates.length - 1; i >= 0 && out.length < limit; i--) {
      const run = candidates[i] as StoredRun
      if (this.byId.get(run.id) === run && matches(run, filter)) out.push(run)
    }
    return out
  }

  /** Every run kept, in creation order. */
  all (): StoredRun[] {
    return this.order.filter((run) => this.byId.get(run.id) === run)
  }

  /** Counts an ended run against the cap and drops the oldest ended runs beyond it. */
  private retire (run: StoredRun): void {
    this.ended.push(run)
    while (this.ended.length > this.maxEnded) {
      const oldest = this.ended.shift() as StoredRun
      this.byId.delete(oldest.id)
      this.logs.delete(oldest.id)
      this.pending.delete(oldest)
      this.dropped++
    }
    if (this.dropped > 1000 && this.dropped > this.order.length / 2) this.compact()
  }

  /** Rewrites the lists without dropped runs, once enough have piled up that walking past them costs. */
  private compact (): void {
    const kept = (list: StoredRun[]): StoredRun[] => list.filter((r) => this.byId.get(r.id) === r)
    this.order = kept(this.order)
    for (const map of Object.values(this.indexes)) {
      for (const [key, list] of map) {
        const left = kept(list)
        if (left.length === 0) map.delete(key)
        else map.set(key, left)
      }
    }
    this.dropped = 0
  }

  addLog (log: StoredLog): void {
    let list = this.logs.get(log.runId)
    if (list === undefined) this.logs.set(log.runId, list = [])
    list.push(log)
  }

  /** Logs of a run, oldest first. */
  logsOf (runId: string): readonly StoredLog[] {
    return this.logs.get(runId) ?? []
  }

  private index (name: IndexName, key: string | undefined, run: StoredRun): void {
    if (key === undefined) return
    const map = this.indexes[name]
    const list = map.get(key)
    if (list === undefined) map.set(key, [run])
    else list.push(run)
  }

  /** The shortest list that must contain every match: an index for a given filter, else all (active) runs. */
  private candidates (filter: RunFilter): readonly StoredRun[] {
    const keys: Array<[IndexName, string | undefined]> = [
      ['entity', filter.entity], ['blueprint', filter.blueprint], ['action', filter.action],
      ['userId', filter.userId], ['userEmail', filter.userEmail], ['externalRunId', filter.externalRunId],
    ]
    let best: readonly StoredRun[] = filter.active === true ? [...this.active] : this.order
    for (const [name, key] of keys) {
      if (key === undefined) continue
      const list = this.indexes[name].get(key) ?? []
      if (list.length < best.length) best = list
    }
    return best
  }
}

export function isEnded (run: Pick<StoredRun, 'status'>): boolean {
  return ENDED_STATUSES.has(run.status)
}

function matches (run: StoredRun, f: RunFilter): boolean {
  return (f.entity === undefined || run.entity?.identifier === f.entity) &&
    (f.blueprint === undefined || run.blueprint?.identifier === f.blueprint) &&
    (f.action === undefined || run.action.identifier === f.action) &&
    (f.userId === undefined || run.createdBy === f.userId) &&
    (f.userEmail === undefined || run.trigger.by.user.email === f.userEmail) &&
    (f.externalRunId === undefined || run.externalRunId === f.externalRunId) &&
    (f.sources === undefined || f.sources.includes(run.source)) &&
    (f.active === undefined || f.active !== isEnded(run))
}
