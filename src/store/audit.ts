// The audit log of one organization: append-only records, indexed by run, entity and blueprint.

export type AuditResource = 'entity' | 'run' | 'blueprint' | 'action'

/** One audit record, in the shape of Port's audit log and automation events. */
export interface AuditRecord {
  identifier: string
  action: 'CREATE' | 'UPDATE' | 'DELETE'
  resourceType: AuditResource
  status: 'SUCCESS' | 'FAILURE'
  trigger: { by: { orgId: string, userId: string }, origin: string, at: string }
  context: { blueprint?: string, entity?: string, runId?: string, action?: string }
  diff: { before: unknown, after: unknown }
}

type Key = 'runId' | 'entity' | 'blueprint'

/** Storage only; lists are in insertion (time) order. Beyond `capacity` the oldest tenth is dropped at once. */
export class AuditStore {
  private records: AuditRecord[] = []
  private readonly indexes: Record<Key, Map<string, AuditRecord[]>> = { runId: new Map(), entity: new Map(), blueprint: new Map() }

  constructor (private readonly capacity = Number.POSITIVE_INFINITY) {}

  add (record: AuditRecord): void {
    this.records.push(record)
    this.index(record)
    if (this.records.length > this.capacity) this.trim()
  }

  private index (record: AuditRecord): void {
    for (const key of ['runId', 'entity', 'blueprint'] as const) {
      const value = record.context[key]
      if (value === undefined) continue
      const list = this.indexes[key].get(value)
      if (list === undefined) this.indexes[key].set(value, [record])
      else list.push(record)
    }
  }

  /** Records that carry `value` in `context[key]`, oldest first. */
  by (key: Key, value: string): readonly AuditRecord[] {
    return this.indexes[key].get(value) ?? []
  }

  all (): readonly AuditRecord[] {
    return this.records
  }

  private trim (): void {
    this.records = this.records.slice(Math.ceil(this.capacity / 10))
    for (const map of Object.values(this.indexes)) map.clear()
    for (const record of this.records) this.index(record)
  }
}
