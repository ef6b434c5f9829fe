// Writing and querying the audit log (entity changes and run changes, with the run they belong to).
import type { Static } from '@sinclair/typebox'
import type { AuditQuerySchema } from '../schemas/audit.js'
import type { AuditRecord } from '../store/audit.js'
import type { StoredRun } from '../store/runs.js'
import { runView } from './run-views.js'
import { now, type Ctx } from './context.js'

/** Appends a record made by the acting identity, now. */
export function audit (ctx: Ctx, record: Omit<AuditRecord, 'trigger' | 'status'> & { status?: AuditRecord['status'] }): void {
  ctx.org.audit.add({
    status: 'SUCCESS',
    ...record,
    trigger: { by: { orgId: ctx.org.org.id, userId: ctx.actor.userId }, origin: 'API', at: now(ctx) },
  })
}

export type AuditQuery = Static<typeof AuditQuerySchema>

/** Matching records, newest first; `includes` keeps only the named fields of each. */
export function queryAudit (ctx: Ctx, q: AuditQuery): Array<Record<string, unknown>> {
  const source = indexed(ctx, q)
  const resources: string[] | undefined = q.resources === undefined ? undefined : [q.resources].flat()
  const from = q.from === undefined ? undefined : Date.parse(q.from)
  const to = q.to === undefined ? undefined : Date.parse(q.to)
  const limit = q.limit ?? 1000
  const out: Array<Record<string, unknown>> = []
  for (let i = source.length - 1; i >= 0 && out.length < limit; i--) {
    const r = source[i] as AuditRecord
    const at = Date.parse(r.trigger.at)
    if ((q.identifier !== undefined && r.identifier !== q.identifier) ||
      (q.entity !== undefined && r.context.entity !== q.entity) ||
      (q.blueprint !== undefined && r.context.blueprint !== q.blueprint) ||
      (q.run_id !== undefined && r.context.runId !== q.run_id) ||
      (resources !== undefined && !resources.includes(r.resourceType)) ||
      (q.action !== undefined && r.action !== q.action) ||
      (q.status !== undefined && r.status !== q.status) ||
      (q.origin !== undefined && !q.origin.includes(r.trigger.origin)) ||
      (from !== undefined && at < from) || (to !== undefined && at > to)) continue
    const shown = r.resourceType === 'run' ? { ...r, diff: runDiff(ctx, r.diff) } : r
    out.push(q.includes === undefined ? { ...shown } : pick(shown, q.includes))
  }
  return out
}

/** The narrowest indexed list that holds every match. */
function indexed (ctx: Ctx, q: AuditQuery): readonly AuditRecord[] {
  if (q.run_id !== undefined) return ctx.org.audit.by('runId', q.run_id)
  if (q.entity !== undefined) return ctx.org.audit.by('entity', q.entity)
  if (q.blueprint !== undefined) return ctx.org.audit.by('blueprint', q.blueprint)
  return ctx.org.audit.all()
}

/** Run records keep copies of the run; they are shown in the v2 shape. */
function runDiff (ctx: Ctx, diff: AuditRecord['diff']): AuditRecord['diff'] {
  const show = (run: unknown): unknown => run === null ? null : runView(ctx.org, run as StoredRun, 'v2')
  return { before: show(diff.before), after: show(diff.after) }
}

function pick (record: AuditRecord, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f as keyof AuditRecord]]))
}
