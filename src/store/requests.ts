// The request journal: a fixed-size ring of what reached the emulator, raw and unredacted (views redact).

/** One request as the hooks record it: raw strings and references, so recording costs one object. */
export interface RequestEntry {
  id: string
  /** Virtual-clock epoch milliseconds at arrival. */
  at: number
  method: string
  /** The URL as sent: path and query string. */
  url: string
  headers: Record<string, string | string[] | undefined>
  /** The JSON body as received (cut to the journal's limit), or null. */
  requestBody: string | null
  requestBodyLength: number
  responseBody: string | null
  responseBodyLength: number
  /** Null while in flight, and when a fault dropped the connection. */
  status: number | null
  durationMs: number | null
  orgId: string | null
  fault: string | null
}

/** Keeps the newest `capacity` entries; overwriting the oldest costs nothing. */
export class RequestJournal {
  private readonly ring: Array<RequestEntry | undefined>
  private next = 0
  private size = 0
  private seq = 0

  constructor (readonly capacity: number) {
    this.ring = new Array<RequestEntry | undefined>(capacity)
  }

  /** Request ids (`req-1`, `req-2`, …), unique for the journal's lifetime even when the app serving it is rebuilt. */
  nextId (): string {
    return `req-${++this.seq}`
  }

  add (entry: RequestEntry): void {
    this.ring[this.next] = entry
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1
    if (this.size < this.capacity) this.size++
  }

  /** Every entry, oldest first. */
  entries (): RequestEntry[] {
    const out: RequestEntry[] = []
    const start = this.size < this.capacity ? 0 : this.next
    for (let i = 0; i < this.size; i++) out.push(this.ring[(start + i) % this.capacity] as RequestEntry)
    return out
  }

  clear (): void {
    this.ring.fill(undefined)
    this.next = 0
    this.size = 0
  }
}
