// Serves the OpenAPI document as JSON and YAML; built on first request, then cached.
import type { FastifyPluginAsync } from 'fastify'

export interface OpenapiRoutesOptions {
  document: () => Record<string, unknown>
}

export const openapiRoutes: FastifyPluginAsync<OpenapiRoutesOptions> = async (app, options) => {
  let json: string | undefined
  let yaml: string | undefined
  app.get('/openapi.json', async (_request, reply) => {
    json ??= JSON.stringify(options.document(), null, 2)
    return reply.type('application/json').send(json)
  })
  app.get('/openapi.yaml', async (_request, reply) => {
    yaml ??= await toYaml(options.document())
    return reply.type('application/yaml').send(yaml)
  })
}

/** The document as YAML, exactly as the committed `openapi.yaml` holds it. */
export async function toYaml (document: Record<string, unknown>): Promise<string> {
  const { stringify } = await import('yaml')
  return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 })
}
