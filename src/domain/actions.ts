// Creating, changing and removing actions of both generations; one store, two views.
import { errors } from '../errors.js'
import type { ActionBody, ListActionsQuery } from '../schemas/action.js'
import type { LegacyActionBody } from '../schemas/legacy-action.js'
import type { StoredAction } from '../store/actions.js'
import { checkInputsDefinition } from './action-inputs.js'
import { blueprintOf, fromLegacy } from './action-views.js'
import { now, type Ctx } from './context.js'

/** The action `identifier`, or 404. */
export function getAction (ctx: Ctx, identifier: string): StoredAction {
  const action = ctx.org.actions.get(identifier)
  if (action === undefined) throw errors.notFound(`Action with identifier "${identifier}" was not found`)
  return action
}

/** A legacy action of `blueprint`, or 404 (also when the action belongs to another blueprint). */
export function getLegacyAction (ctx: Ctx, blueprint: string, identifier: string): StoredAction {
  requireBlueprint(ctx, blueprint)
  const action = ctx.org.actions.get(identifier)
  if (action === undefined || blueprintOf(action) !== blueprint) {
    throw errors.notFound(`Action with identifier "${identifier}" was not found in blueprint "${blueprint}"`)
  }
  return action
}

/** POST /v1/actions: 409 when the identifier is taken. */
export function createAction (ctx: Ctx, body: ActionBody): StoredAction {
  if (ctx.org.actions.get(body.identifier) !== undefined) throw errors.identifierTaken(`Action with identifier "${body.identifier}" already exists`)
  return save(ctx, body, false, undefined)
}

/** PUT /v1/actions/{identifier}: replaces the whole definition. */
export function replaceAction (ctx: Ctx, identifier: string, body: ActionBody): StoredAction {
  const existing = getAction(ctx, identifier)
  if (body.identifier !== identifier) throw errors.invalidRequest(`body/identifier must be "${identifier}", the identifier in the path`)
  return save(ctx, body, existing.legacy, existing)
}

export function deleteAction (ctx: Ctx, identifier: string): void {
  getAction(ctx, identifier)
  ctx.org.actions.delete(identifier)
}

/** POST /v1/blueprints/{bp}/actions. */
export function createLegacyAction (ctx: Ctx, blueprint: string, body: LegacyActionBody): StoredAction {
  requireBlueprint(ctx, blueprint)
  if (ctx.org.actions.get(body.identifier) !== undefined) throw errors.identifierTaken(`Action with identifier "${body.identifier}" already exists`)
  return save(ctx, fromLegacy(blueprint, body), true, undefined)
}

/** PUT /v1/blueprints/{bp}/actions/{identifier}. */
export function replaceLegacyAction (ctx: Ctx, blueprint: string, identifier: string, body: LegacyActionBody): StoredAction {
  const existing = getLegacyAction(ctx, blueprint, identifier)
  if (body.identifier !== identifier) throw errors.invalidRequest(`body/identifier must be "${identifier}", the identifier in the path`)
  return save(ctx, fromLegacy(blueprint, body), true, existing)
}

/** PUT /v1/blueprints/{bp}/actions: the blueprint's actions become exactly `bodies`. */
export function replaceLegacyActions (ctx: Ctx, blueprint: string, bodies: LegacyActionBody[]): StoredAction[] {
  requireBlueprint(ctx, blueprint)
  const ids = bodies.map((b) => b.identifier)
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i)
  if (duplicate !== undefined) throw errors.invalidRequest(`body contains the identifier "${duplicate}" twice`)
  for (const body of bodies) {
    const other = ctx.org.actions.get(body.identifier)
    if (other !== undefined && blueprintOf(other) !== blueprint) throw errors.identifierTaken(`Action with identifier "${body.identifier}" already exists`)
    checkDefinition(ctx, fromLegacy(blueprint, body), true)
  }
  for (const action of legacyActionsOf(ctx, blueprint)) if (!ids.includes(action.identifier)) ctx.org.actions.delete(action.identifier)
  return bodies.map((body) => save(ctx, fromLegacy(blueprint, body), true, ctx.org.actions.get(body.identifier)))
}

export function deleteLegacyAction (ctx: Ctx, blueprint: string, identifier: string): void {
  getLegacyAction(ctx, blueprint, identifier)
  ctx.org.actions.delete(identifier)
}

/** The actions tied to `blueprint`, in creation order. */
export function legacyActionsOf (ctx: Ctx, blueprint: string): StoredAction[] {
  requireBlueprint(ctx, blueprint)
  return ctx.org.actions.all().filter((a) => blueprintOf(a) === blueprint)
}

function save (ctx: Ctx, definition: ActionBody, legacy: boolean, existing: StoredAction | undefined): StoredAction {
  checkDefinition(ctx, definition, legacy)
  const at = now(ctx)
  const action: StoredAction = {
    ...definition,
    id: existing?.id ?? ctx.emulator.ids.action(),
    legacy,
    createdAt: existing?.createdAt ?? at,
    createdBy: existing?.createdBy ?? ctx.actor.userId,
    updatedAt: at,
    updatedBy: ctx.actor.userId,
  }
  ctx.org.actions.put(action)
  return action
}

function checkDefinition (ctx: Ctx, definition: ActionBody, legacy: boolean): void {
  const trigger = definition.trigger
  if (trigger.type !== 'self-service') return
  const where = legacy ? 'body/userInputs' : 'body/trigger/userInputs'
  if (trigger.blueprintIdentifier !== undefined) requireBlueprint(ctx, trigger.blueprintIdentifier)
  else if (trigger.operation !== 'CREATE') throw errors.invalidRequest(`body/trigger/blueprintIdentifier is required for ${trigger.operation} actions`)
  for (const [key, input] of Object.entries(trigger.userInputs.properties)) {
    const items = (input as { items?: { format?: string, blueprint?: string } }).items
    const entityBlueprint = input.format === 'entity' ? input.blueprint : items?.format === 'entity' ? (input.blueprint ?? items.blueprint) : null
    if (entityBlueprint === undefined) throw errors.invalidRequest(`${where}/properties/${key}/blueprint is required for entity inputs`)
    if (typeof entityBlueprint === 'string') requireBlueprint(ctx, entityBlueprint)
  }
  checkInputsDefinition(trigger.userInputs, where)
}

function requireBlueprint (ctx: Ctx, blueprint: string): void {
  if (!ctx.org.catalog.blueprints.has(blueprint)) throw errors.notFound(`Blueprint with identifier "${blueprint}" was not found`)
}

/** GET /v1/actions: every filter ANDed; each array filter matches any of its values. */
export function listActions (ctx: Ctx, q: ListActionsQuery): StoredAction[] {
  return ctx.org.actions.all().filter((a) => {
    const t = a.trigger
    const event = t.type === 'automation' ? t.event as { type: string, actionIdentifier?: string } : undefined
    return (q.action_identifier === undefined || q.action_identifier.includes(a.identifier)) &&
      (q.blueprint_identifier === undefined || q.blueprint_identifier.includes(blueprintOf(a) ?? '')) &&
      (q.operation === undefined || (t.type === 'self-service' && q.operation.includes(t.operation))) &&
      (q.published === undefined || (a.publish ?? true) === q.published) &&
      (q.trigger_type === undefined || t.type === q.trigger_type) &&
      (q.trigger_event === undefined || (event !== undefined && q.trigger_event.includes(event.type))) &&
      (q.trigger_event_action_identifier === undefined || q.trigger_event_action_identifier.includes(event?.actionIdentifier ?? ''))
  })
}
