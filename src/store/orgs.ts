// Organizations and the per-organization partition of all state; nothing here knows about HTTP.
import { ActionStore } from './actions.js'
import { AuditStore } from './audit.js'
import { CatalogStore } from './catalog.js'
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

/** Everything that belongs to one organization. Other organizations never see it. */
export class OrgStore {
  readonly catalog = new CatalogStore()
  readonly actions = new ActionStore()
  readonly runs = new RunStore()
  readonly audit = new AuditStore()

  constructor (readonly org: Organization) {}
}

/** All organizations, found by id or by their credentials' client id. */
export class OrgRegistry {
  private readonly byId = new Map<string, OrgStore>()
  private readonly byClient = new Map<string, OrgStore>()

  add (org: Organization): OrgStore {
    const store = new OrgStore(org)
    this.byId.set(org.id, store)
    this.byClient.set(org.clientId, store)
    return store
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
