// Time for the whole emulator: real time plus an offset that tests and the control plane can move.

/** A source of "now" in epoch milliseconds; every timestamp, expiry and lease reads it. */
export interface Clock {
  now(): number
}

/** Real (or injected) time shifted by an adjustable offset, so tests never need fake timers. */
export class VirtualClock implements Clock {
  private offset = 0

  constructor (private readonly base: () => number = Date.now) {}

  now (): number {
    return this.base() + this.offset
  }

  /** How far "now" is from the base clock, in milliseconds. */
  get offsetMs (): number {
    return this.offset
  }

  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance (ms: number): void {
    this.offset += ms
  }

  /** Makes "now" equal `epochMs` from this moment on. */
  set (epochMs: number): void {
    this.offset = epochMs - this.base()
  }

  /** Back to the base clock. */
  reset (): void {
    this.offset = 0
  }
}

/** A clock that stands still at `epochMs` until advanced. */
export function fixedClock (epochMs: number): VirtualClock {
  return new VirtualClock(() => epochMs)
}
