// The "trigger data" Port evaluates payload templates against: inputs, trigger, entity, action, run, secrets.
import { entityPayloadView } from '../domain/invocation-body.js'
import type { StoredAction } from '../store/actions.js'
import type { StoredEntity } from '../store/catalog.js'
import type { OrgStore } from '../store/orgs.js'
import type { StoredRun } from '../store/runs.js'

/** What `{{ … }}` expressions see, as Port documents it for self-service actions. */
export function triggerData (org: OrgStore, run: StoredRun, action: StoredAction, entity: StoredEntity | null): Record<string, unknown> {
  const trigger = action.trigger
  const operation = trigger.type === 'self-service' ? trigger.operation : undefined
  return {
    inputs: expandEntityInputs(org, action, run.properties),
    trigger: { ...run.trigger, operation },
    event: null,
    entity: entity === null ? {} : entityPayloadView(entity),
    action: { identifier: action.identifier, blueprint: run.blueprint?.identifier ?? null, encryptedProperties: [] },
    run: { id: run.id },
    secrets: org.org.secrets,
  }
}

/** Entity inputs reach templates as the entities themselves (`.inputs.service.identifier`). */
function expandEntityInputs (org: OrgStore, action: StoredAction, properties: Record<string, unknown>): Record<string, unknown> {
  if (action.trigger.type !== 'self-service') return properties
  const out = { ...properties }
  for (const [key, input] of Object.entries(action.trigger.userInputs.properties)) {
    const items = (input as { items?: { format?: string, blueprint?: string } }).items
    const blueprint = input.format === 'entity' ? input.blueprint : items?.format === 'entity' ? (input.blueprint ?? items.blueprint) : undefined
    const value = out[key]
    if (blueprint === undefined || value === undefined || value === null) continue
    const expand = (id: unknown): unknown => {
      const entity = typeof id === 'string' ? org.catalog.entity(blueprint, id) : undefined
      return entity === undefined ? id : entityPayloadView(entity)
    }
    out[key] = Array.isArray(value) ? value.map(expand) : expand(value)
  }
  return out
}
