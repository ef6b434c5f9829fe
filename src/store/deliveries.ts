// The delivery journal of one organization: a bounded ring of attempts, with waiters for long-polls.
import type { Delivery } from '../schemas/delivery.js'

/** A journal record; its shape is the API's. */
export type DeliveryRecord = Delivery

export interface DeliveryFilter { runId?: string, action?: string }

interface Waiter { filter: DeliveryFilter, resolve: (records: DeliveryRecord[]) => void }

/** Storage only: keeps the newest `capacity` records and wakes waiters whose filter a new record matches. */
export class DeliveryJournal {
  private records: DeliveryRecord[] = []
  private readonly waiters = new Set<Waiter>()

  constructor (private readonly capacity: number) {}

  add (record: DeliveryRecord): void {
    this.records.push(record)
    if (this.records.length > this.capacity) this.records = this.records.slice(-this.capacity)
    for (const waiter of this.waiters) {
      if (!matches(record, waiter.filter)) continue
      this.waiters.delete(waiter)
      waiter.resolve(this.list(waiter.filter))
    }
  }

  /** Matching records, oldest first. */
  list (filter: DeliveryFilter = {}): DeliveryRecord[] {
    return this.records.filter((r) => matches(r, filter))
  }

  /** Matching records now, or as soon as one is added, or `[]` after `ms`. */
  async waitFor (filter: DeliveryFilter, ms: number): Promise<DeliveryRecord[]> {
    const now = this.list(filter)
    if (now.length > 0 || ms <= 0) return now
    return new Promise((resolve) => {
      const waiter: Waiter = { filter, resolve: (records) => { clearTimeout(timer); resolve(records) } }
      const timer = setTimeout(() => { this.waiters.delete(waiter); resolve([]) }, ms)
      this.waiters.add(waiter)
    })
  }

  /** Answers every waiting long-poll now (with what there is), so the server can close. */
  release (): void {
    for (const waiter of this.waiters) waiter.resolve(this.list(waiter.filter))
    this.waiters.clear()
  }

  clear (): void {
    this.records = []
  }
}

function matches (r: DeliveryRecord, f: DeliveryFilter): boolean {
  return (f.runId === undefined || r.runId === f.runId) && (f.action === undefined || r.action === f.action)
}
