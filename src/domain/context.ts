// The context every domain call receives: the emulator's services, the organization and who is acting.
import type { Emulator } from '../emulator.js'
import type { OrgStore } from '../store/orgs.js'

/** The user or machine a request acts as; `userId` is what `createdBy`/`updatedBy` record. */
export interface Actor {
  userId: string
  isMachine: boolean
  email?: string
}

/** Passed to every domain function: services, the caller's organization and identity. */
export interface Ctx {
  emulator: Emulator
  org: OrgStore
  actor: Actor
}

/** The current time as Port writes timestamps (ISO-8601, milliseconds, UTC). */
export function now (ctx: Ctx): string {
  return new Date(ctx.emulator.clock.now()).toISOString()
}
