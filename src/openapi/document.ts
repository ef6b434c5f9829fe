// Builds the OpenAPI 3.1 document from the schemas the routes declare, so the two can never disagree.
import type { FastifyInstance, RouteOptions } from 'fastify'
import { componentName } from '../schemas/components.js'
import { VERSION } from '../version.js'

interface RouteSchema {
  tags?: string[]
  summary?: string
  description?: string
  deprecated?: boolean
  hide?: boolean
  body?: object
  querystring?: object
  params?: object
  headers?: object
  response?: Record<string, object>
}

/** A route as the document sees it. */
export interface CollectedRoute { method: string, url: string, schema: RouteSchema }

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete']
const STATUS_TEXT: Record<string, string> = {
  200: 'Success',
  201: 'Created',
  202: 'Accepted',
  207: 'Partial success',
  400: 'The request could not be parsed',
  401: 'Missing, invalid or expired access token',
  403: 'Forbidden',
  404: 'A resource with the provided identifier was not found',
  409: 'A resource with the provided identifier already exists, or the operation was already done',
  413: 'Request body is too large (limit is 1MiB)',
  422: "The json provided does not match the route's schema, or the operation is not allowed in the resource's state",
  503: 'Not ready',
}
const CONTROL_401 = 'EMULATOR_ADMIN_TOKEN is set and the request does not carry it'

/** Records every route later registered on `app` that declares a schema; the array fills as routes register. */
export function collectRoutes (app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = []
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as RouteSchema | undefined
    if (schema === undefined || schema.hide === true) return
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      routes.push({ method: method.toLowerCase(), url: route.url, schema })
    }
  })
  return routes
}

/** The OpenAPI document of the collected routes (complete once the app is ready). */
export function buildDocument (collected: readonly CollectedRoute[]): Record<string, unknown> {
  const components: Record<string, unknown> = {}
  const paths: Record<string, Record<string, unknown>> = {}
  const routes = [...collected].sort((a, b) =>
    a.url.localeCompare(b.url) || METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method))
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
    paths[path] ??= {}
    paths[path][route.method] = operation(route, components)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Port emulator',
      version: VERSION,
      description: "A local, in-memory emulator of Port's REST API, centred on self-service action runs.",
    },
    servers: [{ url: 'http://127.0.0.1:7678' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /v1/auth/access_token' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'EMULATOR_ADMIN_TOKEN, when configured' },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  }
}

function operation (route: CollectedRoute, components: Record<string, unknown>): Record<string, unknown> {
  const { schema, url } = route
  const op: Record<string, unknown> = {}
  if (schema.tags !== undefined) op.tags = schema.tags
  if (schema.summary !== undefined) op.summary = schema.summary
  if (schema.description !== undefined) op.description = schema.description
  if (schema.deprecated === true) op.deprecated = true
  const parameters = [
    ...parametersOf(schema.params, 'path', components),
    ...parametersOf(schema.querystring, 'query', components),
    ...parametersOf(schema.headers, 'header', components),
  ]
  if (parameters.length > 0) op.parameters = parameters
  if (schema.body !== undefined) {
    op.requestBody = { required: true, content: { 'application/json': { schema: plain(schema.body, components, true) } } }
  }
  op.responses = Object.fromEntries(Object.entries(schema.response ?? {}).map(([status, s]) => [status, {
    description: (s as { description?: string }).description ??
      (status === '401' && url.startsWith('/_emulator/') ? CONTROL_401 : STATUS_TEXT[status]) ?? 'Response',
    content: { 'application/json': { schema: plain(s, components, true) } },
  }]))
  if (url.startsWith('/v1/') && !url.startsWith('/v1/auth/')) op.security = [{ bearer: [] }]
  else if (url.startsWith('/_emulator/') && url !== '/_emulator/health') op.security = [{}, { adminToken: [] }]
  return op
}

function parametersOf (schema: object | undefined, where: string, components: Record<string, unknown>): unknown[] {
  if (schema === undefined) return []
  const { properties = {}, required = [] } = schema as { properties?: Record<string, { description?: string }>, required?: string[] }
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.includes(name),
    ...(s.description !== undefined ? { description: s.description } : {}),
    schema: plain(s, components, true),
  }))
}

/** A JSON copy of `schema` without TypeBox's symbols, with named components replaced by `$ref`s. */
function plain (schema: unknown, components: Record<string, unknown>, useRef: boolean): unknown {
  if (Array.isArray(schema)) return schema.map((s) => plain(s, components, true))
  if (schema === null || typeof schema !== 'object') return schema
  const name = useRef ? componentName(schema) : undefined
  if (name !== undefined) {
    if (!(name in components)) {
      components[name] = {}
      components[name] = plain(schema, components, false)
    }
    return { $ref: `#/components/schemas/${name}` }
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(schema)) out[key] = plain((schema as Record<string, unknown>)[key], components, true)
  return out
}
