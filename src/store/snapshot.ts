// Whole-emulator snapshots: every organization's records as plain JSON, and back (indexes are rebuilt).
import type { StoredAction } from './actions.js'
import type { AuditRecord } from './audit.js'
import type { StoredBlueprint, StoredEntity } from './catalog.js'
import type { DeliveryRecord } from './deliveries.js'
import type { OrgRegistry, Organization } from './orgs.js'
import type { StoredLog, StoredRun } from './runs.js'

/** Bumped whenever the layout below changes; a snapshot of another version is refused, never guessed at. */
export const SNAPSHOT_VERSION = 1

export interface OrgSnapshot {
  organization: Organization
  blueprints: StoredBlueprint[]
  entities: StoredEntity[]
  actions: StoredAction[]
  runs: StoredRun[]
  logs: StoredLog[]
  audit: AuditRecord[]
  deliveries: DeliveryRecord[]
}

export interface Snapshot {
  format: 'port-emulator-state'
  version: typeof SNAPSHOT_VERSION
  organizations: OrgSnapshot[]
}

/** Every organization's state, deep-copied so later changes do not reach it. */
export function takeSnapshot (orgs: OrgRegistry): Snapshot {
  return structuredClone({
    format: 'port-emulator-state',
    version: SNAPSHOT_VERSION,
    organizations: orgs.all().map((store): OrgSnapshot => {
      const blueprints = [...store.catalog.blueprints.values()]
      const runs = store.runs.all()
      return {
        organization: store.org,
        blueprints,
        entities: blueprints.flatMap((b) => [...store.catalog.entitiesOf(b.identifier)]),
        actions: store.actions.all(),
        runs,
        logs: runs.flatMap((r) => [...store.runs.logsOf(r.id)]),
        audit: [...store.audit.all()],
        deliveries: store.deliveries.list(),
      }
    }),
  })
}

/** Replaces every organization with the snapshot's (which is copied, not adopted). */
export function restoreSnapshot (orgs: OrgRegistry, snapshot: Snapshot): void {
  orgs.clear()
  for (const o of snapshot.organizations) restoreOrganization(orgs, o)
}

/** Replaces one organization (or adds it) with a copy of its snapshot. */
export function restoreOrganization (orgs: OrgRegistry, snapshot: OrgSnapshot): void {
  const o = structuredClone(snapshot)
  const store = orgs.add(o.organization)
  for (const blueprint of o.blueprints) store.catalog.putBlueprint(blueprint)
  for (const entity of o.entities) store.catalog.putEntity(entity)
  for (const action of o.actions) store.actions.put(action)
  for (const run of o.runs) store.runs.add(run)
  for (const log of o.logs) store.runs.addLog(log)
  for (const record of o.audit) store.audit.add(record)
  for (const record of o.deliveries) store.deliveries.add(record)
}
