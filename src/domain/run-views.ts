// The two shapes of a run: v1 (the seed's, the default) and v2 (Port's current clients ask for it).
import type { Static } from '@sinclair/typebox'
import type { RunSchema } from '../schemas/run.js'
import type { OrgStore } from '../store/orgs.js'
import type { RunRef, StoredRun } from '../store/runs.js'

export type RunVersion = 'v1' | 'v2'
export type RunView = Static<typeof RunSchema>

/** The run as GET /v1/actions/runs/{id}?version=… returns it. */
export function runView (org: OrgStore, run: StoredRun, version: RunVersion = 'v1'): RunView {
  return version === 'v2' ? v2(org, run) : v1(org, run)
}

function v1 (org: OrgStore, run: StoredRun): RunView {
  const blueprintExists = run.blueprint !== null && org.catalog.blueprints.has(run.blueprint.identifier)
  const entityExists = run.entity !== null && run.blueprint !== null && org.catalog.entity(run.blueprint.identifier, run.entity.identifier) !== undefined
  return {
    id: run.id,
    status: run.status,
    ...(run.statusLabel !== null ? { statusLabel: run.statusLabel } : {}),
    ...(run.blueprint !== null ? { blueprint: { identifier: run.blueprint.identifier, title: run.blueprint.title } } : {}),
    ...(run.entity !== null ? { entity: { identifier: run.entity.identifier, title: run.entity.title } } : {}),
    action: run.action.identifier,
    endedAt: run.endedAt,
    source: run.source,
    ...optional(run),
    relatedEntityExists: entityExists,
    relatedBlueprintExists: blueprintExists,
    properties: run.properties,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    createdBy: run.createdBy,
    updatedBy: run.updatedBy,
  }
}

function v2 (org: OrgStore, run: StoredRun): RunView {
  const last = run.approvals.at(-1)
  return {
    id: run.id,
    status: run.status,
    ...(run.statusLabel !== null ? { statusLabel: run.statusLabel } : {}),
    ...(run.blueprint !== null ? { blueprint: ref(run.blueprint, org.catalog.blueprints.has(run.blueprint.identifier)) } : {}),
    ...(run.entity !== null && run.blueprint !== null
      ? { entity: ref(run.entity, org.catalog.entity(run.blueprint.identifier, run.entity.identifier) !== undefined) }
      : {}),
    action: ref(run.action, org.actions.get(run.action.identifier) !== undefined),
    ...(run.endedAt !== null ? { endedAt: run.endedAt } : {}),
    source: run.source,
    link: run.link ?? [],
    ...optional({ ...run, link: undefined }),
    requiredApproval: run.requiredApproval,
    approval: last === undefined ? null : { description: last.description ?? '', userId: last.userId, state: last.state },
    properties: run.properties,
    payload: run.payload,
    ...(run.response !== undefined ? { response: run.response } : {}),
    ...(run.pendingExecution !== undefined ? { pendingExecution: run.pendingExecution } : {}),
    ...(run.claimedUntil !== undefined ? { claimedUntil: run.claimedUntil } : {}),
    ...(run.installationId !== undefined ? { installationId: run.installationId } : {}),
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    createdBy: run.createdBy,
    updatedBy: run.updatedBy,
    ...(run.impersonatedBy !== undefined ? { impersonatedBy: run.impersonatedBy } : {}),
  }
}

/** The runner-set fields, present only once set (the seed's v1 run gains `link`/`message` after its PATCH). */
function optional (run: Pick<StoredRun, 'link' | 'message' | 'summary' | 'externalRunId'>): Partial<RunView> {
  return {
    ...(run.link !== undefined ? { link: run.link } : {}),
    ...(run.message !== undefined ? { message: run.message } : {}),
    ...(run.summary !== undefined ? { summary: run.summary } : {}),
    ...(run.externalRunId !== undefined ? { externalRunId: run.externalRunId } : {}),
  }
}

/** `{identifier, title, icon}`, or Port's tombstone `{identifier, title: null, icon: null, deleted: true}`. */
function ref (r: RunRef, exists: boolean): NonNullable<RunView['blueprint']> {
  return exists ? { identifier: r.identifier, title: r.title, icon: r.icon } : { identifier: r.identifier, title: null, icon: null, deleted: true }
}
