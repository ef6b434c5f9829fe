// The two ways Port shows an action: the current form and the legacy blueprint-scoped form.
import type { LegacyActionBody } from '../schemas/legacy-action.js'
import type { StoredAction } from '../store/actions.js'

/** The blueprint an action belongs to, if any. */
export function blueprintOf (action: StoredAction): string | undefined {
  return action.trigger.type === 'self-service' ? action.trigger.blueprintIdentifier : undefined
}

/** An action as the API returns it: its definition plus meta fields. */
export type ActionView = { identifier: string, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string } & Record<string, unknown>

/** The action as /v1/actions returns it. */
export function currentView (action: StoredAction): ActionView {
  const { id: _id, legacy: _legacy, ...view } = action
  return view
}

/** The action as the legacy routes and the legacy invocation body show it (the seed's `payload.action`). */
export function legacyView (action: StoredAction): ActionView {
  const trigger = action.trigger
  if (trigger.type !== 'self-service') return currentView(action)
  const method = action.invocationMethod.type === 'AZURE_DEVOPS'
    ? { ...action.invocationMethod, type: 'AZURE-DEVOPS' }
    : action.invocationMethod
  return {
    id: action.id,
    identifier: action.identifier,
    ...(action.title !== undefined ? { title: action.title } : {}),
    ...(action.icon !== undefined ? { icon: action.icon } : {}),
    userInputs: trigger.userInputs,
    invocationMethod: method,
    trigger: trigger.operation,
    ...(action.requiredApproval !== undefined ? { requiredApproval: action.requiredApproval } : {}),
    ...(action.description !== undefined ? { description: action.description } : {}),
    blueprint: trigger.blueprintIdentifier,
    createdAt: action.createdAt,
    createdBy: action.createdBy,
    updatedAt: action.updatedAt,
    updatedBy: action.updatedBy,
  }
}

/** A legacy definition turned into the current form it is stored in. */
export function fromLegacy (blueprint: string, body: LegacyActionBody): Omit<StoredAction, 'id' | 'legacy' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'> {
  const { trigger, userInputs, invocationMethod, ...rest } = body
  const method = invocationMethod.type === 'AZURE-DEVOPS' ? { ...invocationMethod, type: 'AZURE_DEVOPS' as const } : invocationMethod
  return {
    ...rest,
    trigger: { type: 'self-service', operation: trigger, blueprintIdentifier: blueprint, userInputs },
    invocationMethod: method as StoredAction['invocationMethod'],
  }
}
