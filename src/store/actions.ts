// Actions of one organization, keyed by identifier (unique across both generations, as in Port).
import type { ActionBody } from '../schemas/action.js'

/**
 * An action in the current (/v1/actions) form plus its internal id and meta fields. `legacy` remembers that it
 * was defined through the blueprint-scoped routes, which decides the webhook body it is delivered with.
 */
export type StoredAction = ActionBody & {
  id: string
  legacy: boolean
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/** Storage only: returns `undefined` for "absent" and never decides a status code. */
export class ActionStore {
  private readonly byIdentifier = new Map<string, StoredAction>()

  get (identifier: string): StoredAction | undefined {
    return this.byIdentifier.get(identifier)
  }

  put (action: StoredAction): void {
    this.byIdentifier.set(action.identifier, action)
  }

  delete (identifier: string): boolean {
    return this.byIdentifier.delete(identifier)
  }

  /** Every action, in creation order. */
  all (): StoredAction[] {
    return [...this.byIdentifier.values()]
  }
}
