// Injected faults, in the order they were added. Deciding which one applies to a request is the domain's.

/** A fault as stored: what it matches, how often it fires, and what it does. */
export interface StoredFault {
  id: string
  /** Null: any method. */
  method: string | null
  path: string
  pathRegex: RegExp
  /** How many more times it fires; null: until removed. */
  remaining: number | null
  times: number | null
  probability: number
  delayMs: number
  status: number | null
  error: string | null
  message: string | null
  headers: Record<string, string>
  drop: boolean
  /** How many requests it has been applied to. */
  applied: number
}

export class FaultStore {
  /** The live faults; an empty array is the only thing a request without faults pays for. */
  readonly active: StoredFault[] = []
  private seq = 0

  nextId (): string {
    return `fault_${++this.seq}`
  }

  add (fault: StoredFault): void {
    this.active.push(fault)
  }

  get (id: string): StoredFault | undefined {
    return this.active.find((f) => f.id === id)
  }

  /** Removes the fault; false when there was none with this id. */
  remove (id: string): boolean {
    const index = this.active.findIndex((f) => f.id === id)
    if (index === -1) return false
    this.active.splice(index, 1)
    return true
  }

  clear (): void {
    this.active.length = 0
  }
}
