// Organizations and the per-organization partition of all state; nothing here knows about HTTP.
import { ActionStore } from './actions.js'
import { AuditStore } from './audit.js'
import { CatalogStore } from './catalog.js'
import { DeliveryJournal } from './deliveries.js'
import { RunStore } from './runs.js'

export interface OrgUser {
  id: string
  email: string
  firstName?: string
  lastName?: string
}

export interface Organization {
  id: string
  name: string
  clientId: string
  clientSecret: string
  users: OrgUser[]
  secrets: Record<string, string>
}

/** Audit records kept per run the organization may keep: room for a run's own records and its entity changes. */
const AUDIT_RECORDS_PER_RUN = 10

/** Bounds on what an organization keeps. */
export interface OrgLimits {
  journalSize: number
  maxEndedRuns: number
}

/** Everything that belongs to one organization. Other organizations never see it. */
export class OrgStore {
  readonly catalog = new CatalogStore()
  readonly actions = new ActionStore()
  readonly runs: RunStore
  readonly audit: AuditStore
  readonly deliveries: DeliveryJournal

  constructor (readonly org: Organization, limits: OrgLimits = { journalSize: 1000, maxEndedRuns: 10_000 }) {
    this.deliveries = new DeliveryJournal(limits.journalSize)
    this.runs = new RunStore(limits.maxEndedRuns)
    this.audit = new AuditStore(limits.maxEndedRuns * AUDIT_RECORDS_PER_RUN)
  }
}

/** All organizations, found by id or by their credentials' client id. */
export class OrgRegistry {
  constructor (private readonly limits?: OrgLimits) {}

  private readonly byId = new Map<string, OrgStore>()
  private readonly byClient = new Map<string, OrgStore>()

  /** A new, empty store for `org`, replacing any organization with the same id. */
  add (org: Organization): OrgStore {
    this.remove(org.id)
    const store = new OrgStore(org, this.limits)
    this.byId.set(org.id, store)
    this.byClient.set(org.clientId, store)
    return store
  }

  remove (id: string): void {
    const store = this.byId.get(id)
    if (store === undefined) return
    this.byId.delete(id)
    this.byClient.delete(store.org.clientId)
  }

  get (id: string): OrgStore | undefined {
    return this.byId.get(id)
  }

  byClientId (clientId: string): OrgStore | undefined {
    return this.byClient.get(clientId)
  }

  all (): OrgStore[] {
    return [...this.byId.values()]
  }

  clear (): void {
    this.byId.clear()
    this.byClient.clear()
  }
}
