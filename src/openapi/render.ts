// Renders the committed openapi.yaml: the document of a default app, as the server would serve it.
import { buildApp } from '../app.js'

/** The OpenAPI document of the emulator, as YAML. */
export async function renderOpenapiYaml (): Promise<string> {
  const app = buildApp()
  try {
    await app.ready()
    const response = await app.inject({ method: 'GET', url: '/openapi.yaml' })
    return response.body
  } finally {
    await app.close()
  }
}
