// The built-in demo runner: what the seed's Python walkthrough does, inside the emulator, through its own API.
// Reached at emulator://demo-runner; it checks Port's signature, reports back like a real runner, then answers 200
// (so by the time the delivery is in the journal, the run has ended).
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { OrgStore } from '../store/orgs.js'
import type { InternalRunner } from './dispatcher.js'
import { portSignature } from './signing.js'

export const DEMO_RUNNER_URL = 'emulator://demo-runner'
const LINK = 'https://docs.port.io/actions-and-automations/reflect-action-progress/'

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>
interface RunMessage { action?: string, context?: { runId?: string, blueprint?: string | null, entity?: string | null }, port_context?: { runId?: string } }

/** A runner that creates (CREATE), updates (DAY-2) or deletes (DELETE) the run's entity, logs, and ends the run SUCCESS. */
export function demoRunner (inject: Inject): InternalRunner {
  return async (request, org) => {
    const expected = portSignature(org.org.clientSecret, request.headers['X-Port-Timestamp'] ?? '', request.body)
    if (request.headers['X-Port-Signature'] !== expected) return { status: 401, body: '{"ok":false,"error":"bad signature"}' }
    const message = JSON.parse(request.body) as RunMessage
    const runId = message.context?.runId ?? message.port_context?.runId
    if (runId === undefined) return { status: 400, body: '{"ok":false,"error":"no run id in the body"}' }
    await report(inject, org, runId)
    return { status: 200, body: '{"ok":true}' }
  }
}

async function report (inject: Inject, org: OrgStore, runId: string): Promise<void> {
  const token = (await inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId: org.org.clientId, clientSecret: org.org.clientSecret } })).json<{ accessToken: string }>().accessToken
  const call = async (method: InjectOptions['method'], url: string, payload?: object) =>
    inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload } : {}) })
  const run = (await call('GET', `/v1/actions/runs/${runId}?version=v2`)).json<{ run: { action: { identifier: string }, blueprint?: { identifier: string }, entity?: { identifier: string }, properties: Record<string, unknown> } }>().run
  try {
    const entity = await changeEntity(call, org, runId, run)
    await call('POST', `/v1/actions/runs/${runId}/logs`, { message: `Demo runner: ran ${run.action.identifier}${entity === undefined ? '' : ` on ${entity}`}` })
    await call('POST', `/v1/actions/runs/${runId}/logs`, { message: 'Demo runner: done' })
    await call('PATCH', `/v1/actions/runs/${runId}`, { status: 'SUCCESS', link: [LINK] })
  } catch (error) {
    await call('PATCH', `/v1/actions/runs/${runId}`, { status: 'FAILURE', summary: `Demo runner: ${(error as Error).message}` })
  }
}

type Call = (method: InjectOptions['method'], url: string, payload?: object) => Promise<LightMyRequestResponse>

/** The entity write the run stands for, tied to the run with `run_id`; returns the entity's identifier. */
async function changeEntity (call: Call, org: OrgStore, runId: string, run: { action: { identifier: string }, blueprint?: { identifier: string }, entity?: { identifier: string }, properties: Record<string, unknown> }): Promise<string | undefined> {
  const blueprint = run.blueprint?.identifier
  if (blueprint === undefined) return undefined
  const known = org.catalog.blueprints.get(blueprint)?.schema.properties ?? {}
  const properties = Object.fromEntries(Object.entries(run.properties).filter(([key]) => key in known))
  const operation = org.actions.get(run.action.identifier)?.trigger
  const op = operation?.type === 'self-service' ? operation.operation : 'CREATE'
  const base = `/v1/blueprints/${encodeURIComponent(blueprint)}/entities`
  let response: LightMyRequestResponse
  if (op === 'CREATE') {
    const name = String(run.properties.name ?? run.properties.identifier ?? runId)
    response = await call('POST', `${base}?upsert=true&run_id=${runId}`, { identifier: name.replaceAll(' ', '_'), title: name, properties })
  } else if (op === 'DELETE') {
    response = await call('DELETE', `${base}/${encodeURIComponent(run.entity?.identifier ?? '')}?run_id=${runId}`)
  } else {
    response = await call('PATCH', `${base}/${encodeURIComponent(run.entity?.identifier ?? '')}?run_id=${runId}`, { properties })
  }
  if (response.statusCode >= 300) throw new Error(`the entity write answered ${response.statusCode}: ${response.json<{ message?: string }>().message ?? ''}`)
  return response.statusCode === 200 && op === 'DELETE' ? run.entity?.identifier : response.json<{ entity?: { identifier: string } }>().entity?.identifier
}
