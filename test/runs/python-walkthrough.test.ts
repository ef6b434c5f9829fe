// The seed's Python walkthrough, ported line for line to TypeScript, against the emulator over real HTTP.
import { afterEach, describe, expect, it } from 'vitest'
import { serveTestApp, type Served } from '../helpers/http.js'
import { seedRuns } from '../helpers/runs.js'

let served: Served
afterEach(async () => { await served?.app.close() })

const CLIENT_ID = 'demo-client-id'
const CLIENT_SECRET = 'demo-client-secret'
const TARGET_BLUEPRINT_ID = 'microservice'

describe("the seed's Python walkthrough", () => {
  it('creates the entity against the run, logs twice and marks the run successful with a link', async () => {
    served = await serveTestApp()
    await seedRuns(served.app)
    const API_URL = `${served.url}/v1`
    const json = async (response: Response): Promise<any> => response.json()

    const getAuthToken = async (): Promise<string> =>
      (await json(await fetch(`${API_URL}/auth/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }) }))).accessToken
    const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'content-type': 'application/json' })
    const getRun = async (token: string, runId: string) => (await json(await fetch(`${API_URL}/actions/runs/${runId}`, { headers: headers(token) }))).run
    const createEntity = async (token: string, runId: string, properties: { name: string, region: string }): Promise<string> => {
      const query = new URLSearchParams({ run_id: runId, upsert: 'true' })
      const body = { identifier: properties.name.replaceAll(' ', '_'), title: properties.name, properties: { region: properties.region } }
      const response = await json(await fetch(`${API_URL}/blueprints/${TARGET_BLUEPRINT_ID}/entities?${query}`, { method: 'POST', headers: headers(token), body: JSON.stringify(body) }))
      return response.entity.identifier
    }
    const addActionRunLogEntry = async (token: string, runId: string, message: string) =>
      fetch(`${API_URL}/actions/runs/${runId}/logs`, { method: 'POST', headers: headers(token), body: JSON.stringify({ message }) })
    const markActionRunAsSuccessful = async (token: string, runId: string) =>
      (await json(await fetch(`${API_URL}/actions/runs/${runId}`, { method: 'PATCH', headers: headers(token), body: JSON.stringify({ status: 'SUCCESS', link: ['https://github.com/actions/toolkit/actions/runs/3617893813'] }) }))).run

    // The run the walkthrough starts from: a user invoked create_microservice.
    const invoked = await json(await fetch(`${API_URL}/actions/create_microservice/runs`, { method: 'POST', headers: headers(await getAuthToken()), body: JSON.stringify({ properties: { name: 'my new service', region: 'eu-west-1' } }) }))
    const RUN_ID = invoked.run.id as string

    // main()
    const accessToken = await getAuthToken()
    const run = await getRun(accessToken, RUN_ID)
    const props = run.properties
    const entityId = await createEntity(accessToken, RUN_ID, props)
    await addActionRunLogEntry(accessToken, RUN_ID, `new entity: ${entityId}`)
    await addActionRunLogEntry(accessToken, RUN_ID, 'New entity created!')
    const finished = await markActionRunAsSuccessful(accessToken, RUN_ID)

    expect(finished).toMatchObject({ status: 'SUCCESS', link: ['https://github.com/actions/toolkit/actions/runs/3617893813'], endedAt: expect.any(String) })
    const logs = await json(await fetch(`${API_URL}/actions/runs/${RUN_ID}/logs`, { headers: headers(accessToken) }))
    expect(logs.runLogs.map((l: { message: string }) => l.message)).toEqual(['new entity: my_new_service', 'New entity created!'])
    const audits = await json(await fetch(`${API_URL}/audit-log?run_id=${RUN_ID}&resources=entity`, { headers: headers(accessToken) }))
    expect(audits.audits.map((a: any) => [a.action, a.identifier, a.context.blueprint])).toEqual([['CREATE', 'my_new_service', 'microservice']])
  })
})
