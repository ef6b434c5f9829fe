// Apps started the way the command line starts them: from a seed (a file, an object, or the embedded one).
import type { Seed } from '../../src/schemas/seed.js'
import { initialise } from '../../src/startup.js'
import { buildTestApp, type TestApp, type TestAppOptions } from './app.js'

export const EXAMPLE_SEED = new URL('../../examples/seed.yaml', import.meta.url).pathname

/** A test app brought up from `seed` (default: examples/seed.yaml); throws if the seed does not apply. */
export async function seededApp (seed: Seed | string = EXAMPLE_SEED, options: TestAppOptions = {}): Promise<TestApp> {
  const app = await buildTestApp({ ...options, ready: false })
  const started = await initialise(app, seed)
  if (!started.ok) throw new Error(started.errors.join('\n'))
  return app
}

/** `Authorization` headers for the credentials of one organization of a seed. */
export async function tokenHeaders (app: TestApp, clientId: string, clientSecret: string): Promise<{ authorization: string }> {
  const response = await app.inject({ method: 'POST', url: '/v1/auth/access_token', payload: { clientId, clientSecret } })
  return { authorization: `Bearer ${response.json<{ accessToken: string }>().accessToken}` }
}
