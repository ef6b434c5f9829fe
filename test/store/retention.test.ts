import { describe, expect, it } from 'vitest'
import { AuditStore, type AuditRecord } from '../../src/store/audit.js'
import { RunStore, type StoredRun } from '../../src/store/runs.js'

function run (id: string): StoredRun {
  return {
    id,
    status: 'IN_PROGRESS',
    statusLabel: null,
    action: { identifier: 'a', title: null, icon: null },
    blueprint: null,
    entity: null,
    properties: {},
    source: 'API',
    requiredApproval: false,
    approvals: [],
    payload: null,
    endedAt: null,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'u',
    updatedBy: 'u',
    trigger: { by: { orgId: 'o', userId: 'u', user: { email: null, firstName: null, lastName: null, id: 'u' } }, origin: 'API', at: '2024-01-01T00:00:00.000Z' },
  }
}

function end (store: RunStore, r: StoredRun): void {
  r.status = 'SUCCESS'
  store.updated(r, undefined)
}

describe('run retention', () => {
  it('drops the runs that ended first, with their logs, beyond the cap', () => {
    const store = new RunStore(2)
    const runs = ['r1', 'r2', 'r3'].map(run)
    for (const r of runs) { store.add(r); store.addLog({ id: `l_${r.id}`, runId: r.id, message: 'm', createdAt: '', createdBy: 'u' }) }
    for (const r of runs) end(store, r)
    expect([store.get('r1'), store.logsOf('r1')]).toEqual([undefined, []])
    expect(store.list({ action: 'a' }, 10).map((r) => r.id)).toEqual(['r3', 'r2'])
  })

  it('never drops a run that is still in progress', () => {
    const store = new RunStore(1)
    const [live, a, b] = ['live', 'a', 'b'].map(run) as [StoredRun, StoredRun, StoredRun]
    for (const r of [live, a, b]) store.add(r)
    end(store, a)
    end(store, b)
    expect(store.all().map((r) => r.id)).toEqual(['live', 'b'])
  })

  it('keeps listing right after compacting many dropped runs', () => {
    const store = new RunStore(10)
    for (let i = 0; i < 5000; i++) { const r = run(`r${i}`); store.add(r); end(store, r) }
    expect(store.list({ action: 'a' }, 100).map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `r${4999 - i}`))
  })
})

describe('audit retention', () => {
  it('keeps at most its capacity, newest last', () => {
    const store = new AuditStore(100)
    for (let i = 0; i < 250; i++) store.add({ identifier: `e${i}`, context: { entity: `e${i}` } } as unknown as AuditRecord)
    expect(store.all().length).toBeLessThanOrEqual(100)
    expect([store.all().at(-1)?.identifier, store.by('entity', 'e0')]).toEqual(['e249', []])
  })
})
