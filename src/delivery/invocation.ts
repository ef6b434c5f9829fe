// What Port sends for a run, per backend type: the rendered request, shown as the v2 run's `payload`.
import { invocationBody } from '../domain/invocation-body.js'
import type { StoredAction } from '../store/actions.js'
import type { StoredEntity } from '../store/catalog.js'
import type { OrgStore } from '../store/orgs.js'
import type { StoredRun } from '../store/runs.js'
import { renderTemplate } from './template.js'
import { triggerData } from './trigger-data.js'

/** The rendered invocation. WEBHOOK ones carry `url`/`method`/`headers`/`body`; others their own fields. */
export interface Invocation {
  type: string
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
  agent: boolean
  synchronized: boolean
  /** Fields the v2 run's `payload` shows for this type. */
  payload: Record<string, unknown>
}

/** `true`, or the string "true" (Port accepts both for `agent` and `synchronized`). */
export function truthy (value: unknown): boolean {
  return value === true || value === 'true'
}

/** Renders the action's invocation method for `run`; throws a TemplateError when a jq expression fails. */
export async function buildInvocation (org: OrgStore, run: StoredRun, action: StoredAction, entity: StoredEntity | null): Promise<Invocation> {
  const data = triggerData(org, run, action, entity)
  const defaultBody = invocationBody(action, run, entity)
  const m = action.invocationMethod as Record<string, unknown> & { type: string }
  const render = async (template: unknown, fallback: unknown): Promise<unknown> => template === undefined ? fallback : renderTemplate(template, data)
  switch (m.type) {
    case 'WEBHOOK': {
      const url = String(await render(m.url, ''))
      const headers = await render(m.headers, {}) as Record<string, unknown>
      const body = await render(m.body, defaultBody)
      const method = typeof m.method === 'string' ? m.method : 'POST'
      const stringHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
      const payload = { type: 'WEBHOOK', url, agent: truthy(m.agent), synchronized: truthy(m.synchronized), method, headers: stringHeaders, body }
      return { ...payload, headers: stringHeaders, payload }
    }
    case 'GITHUB': {
      const inputs = await render(m.workflowInputs, m.omitPayload === true ? {} : { port_payload: defaultBody })
      const url = `https://api.github.com/repos/${String(m.org)}/${String(m.repo)}/actions/workflows/${String(m.workflow)}/dispatches`
      return emulated(m, url, { ref: 'main', inputs }, { org: m.org, repo: m.repo, workflow: m.workflow, workflowInputs: inputs, reportWorkflowStatus: truthy(m.reportWorkflowStatus ?? true) })
    }
    case 'GITLAB': {
      const variables = await render(m.pipelineVariables, m.omitPayload === true ? {} : { port_payload: JSON.stringify(defaultBody) })
      const project = encodeURIComponent(`${String(m.groupName)}/${String(m.projectName)}`)
      const ref = typeof m.defaultRef === 'string' ? m.defaultRef : 'main'
      return emulated(m, `https://gitlab.com/api/v4/projects/${project}/trigger/pipeline`, { ref, variables }, { projectName: m.projectName, groupName: m.groupName, defaultRef: ref, pipelineVariables: variables })
    }
    case 'AZURE_DEVOPS': {
      const body = await render(m.payload, defaultBody)
      const url = `https://dev.azure.com/${String(m.org)}/_apis/public/distributedtask/webhooks/${String(m.webhook)}?api-version=6.0-preview`
      return emulated(m, url, body, { org: m.org, webhook: m.webhook, payload: body })
    }
    case 'KAFKA': {
      const body = await render(m.payload, defaultBody)
      return emulated(m, `kafka://${org.org.id}.runs`, body, { payload: body })
    }
    default: {
      const { type, ...rest } = m
      const rendered = await renderTemplate(rest, data) as Record<string, unknown>
      return emulated(m, `port://${type.toLowerCase()}`, rendered, rendered)
    }
  }
}

function emulated (m: { type: string }, url: string, body: unknown, fields: Record<string, unknown>): Invocation {
  return { type: m.type, url, method: 'POST', headers: {}, body, agent: false, synchronized: false, payload: { type: m.type, ...fields } }
}
