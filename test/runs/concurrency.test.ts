import { afterEach, describe, expect, it } from 'vitest'
import { serveTestApp, type Served } from '../helpers/http.js'
import { seedRuns, startRun } from '../helpers/runs.js'
import { tokenFor } from '../helpers/app.js'

let served: Served
afterEach(async () => { await served?.app.close() })

describe('concurrent termination', () => {
  it('accepts exactly one of 100 concurrent termination logs', async () => {
    served = await serveTestApp()
    const id = await startRun(await seedRuns(served.app))
    const token = await tokenFor(served.app)
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      served.request('POST', `/v1/actions/runs/${id}/logs`, { message: `final ${i}`, terminationStatus: i % 2 === 0 ? 'SUCCESS' : 'FAILURE' }, token)))
    const codes = answers.map((a) => a.status).sort()
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 422)).toHaveLength(99)
  })

  it('keeps only the winning log', async () => {
    served = await serveTestApp()
    const id = await startRun(await seedRuns(served.app))
    const token = await tokenFor(served.app)
    await Promise.all(Array.from({ length: 20 }, () => served.request('POST', `/v1/actions/runs/${id}/logs`, { message: 'final', terminationStatus: 'SUCCESS' }, token)))
    expect((await served.request('GET', `/v1/actions/runs/${id}/logs`, undefined, token)).body.runLogs).toHaveLength(1)
  })
})
