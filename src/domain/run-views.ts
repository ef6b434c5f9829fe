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

// Built key by key in the seed's order (no spreads): a view is made for every run a request returns.
function v1 (org: OrgStore, run: StoredRun): RunView {
  const view: RunView = { id: run.id, status: run.status }
  if (run.statusLabel !== null) view.statusLabel = run.statusLabel
  if (run.blueprint !== null) view.blueprint = { identifier: run.blueprint.identifier, title: run.blueprint.title }
  if (run.entity !== null) view.entity = { identifier: run.entity.identifier, title: run.entity.title }
  view.action = run.action.identifier
  view.endedAt = run.endedAt
  view.source = run.source
  runnerFields(view, run, false)
  view.relatedEntityExists = run.entity !== null && run.blueprint !== null && org.catalog.entity(run.blueprint.identifier, run.entity.identifier) !== undefined
  view.relatedBlueprintExists = run.blueprint !== null && org.catalog.blueprints.has(run.blueprint.identifier)
  view.properties = run.properties
  view.createdAt = run.createdAt
  view.updatedAt = run.updatedAt
  view.createdBy = run.createdBy
  view.updatedBy = run.updatedBy
  return view
}

function v2 (org: OrgStore, run: StoredRun): RunView {
  const view: RunView = { id: run.id, status: run.status }
  if (run.statusLabel !== null) view.statusLabel = run.statusLabel
  if (run.blueprint !== null) view.blueprint = ref(run.blueprint, org.catalog.blueprints.has(run.blueprint.identifier))
  if (run.entity !== null && run.blueprint !== null) view.entity = ref(run.entity, org.catalog.entity(run.blueprint.identifier, run.entity.identifier) !== undefined)
  view.action = ref(run.action, org.actions.get(run.action.identifier) !== undefined)
  if (run.endedAt !== null) view.endedAt = run.endedAt
  view.source = run.source
  runnerFields(view, run, true)
  view.requiredApproval = run.requiredApproval
  const last = run.approvals.at(-1)
  view.approval = last === undefined ? null : { description: last.description ?? '', userId: last.userId, state: last.state }
  view.properties = run.properties
  view.payload = run.payload
  if (run.response !== undefined) view.response = run.response
  if (run.pendingExecution !== undefined) view.pendingExecution = run.pendingExecution
  if (run.claimedUntil !== undefined) view.claimedUntil = run.claimedUntil
  if (run.installationId !== undefined) view.installationId = run.installationId
  view.createdAt = run.createdAt
  view.updatedAt = run.updatedAt
  view.createdBy = run.createdBy
  view.updatedBy = run.updatedBy
  if (run.impersonatedBy !== undefined) view.impersonatedBy = run.impersonatedBy
  return view
}

/** The runner-set fields, present once set (the seed's v1 run gains `link`/`message` after its PATCH); v2 always has `link`. */
function runnerFields (view: RunView, run: StoredRun, alwaysLink: boolean): void {
  if (run.link !== undefined || alwaysLink) view.link = run.link ?? []
  if (run.message !== undefined) view.message = run.message
  if (run.summary !== undefined) view.summary = run.summary
  if (run.externalRunId !== undefined) view.externalRunId = run.externalRunId
}

/** `{identifier, title, icon}`, or Port's tombstone `{identifier, title: null, icon: null, deleted: true}`. */
function ref (r: RunRef, exists: boolean): NonNullable<RunView['blueprint']> {
  return exists ? { identifier: r.identifier, title: r.title, icon: r.icon } : { identifier: r.identifier, title: null, icon: null, deleted: true }
}
