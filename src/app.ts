// buildApp: the one place Fastify is configured, used identically by tests, the CLI and the library.
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Logger } from 'pino'
import { Emulator, type EmulatorOptions } from './emulator.js'
import { ApiError, errors } from './errors.js'
import { VERSION } from './version.js'
import { controlRoutes } from './control/index.js'
import { DEMO_RUNNER_URL, demoRunner } from './delivery/demo-runner.js'
import { authRoutes } from './routes/auth.js'
import { v1Routes } from './routes/v1.js'
import { openapiRoutes } from './openapi/routes.js'
import { buildDocument, collectRoutes } from './openapi/document.js'
import { validationMessage } from './validation-message.js'
import { OneLineRequestLog } from './request-log.js'
import { lazySerializers, lazyValidators } from './lazy-compilers.js'
import { installControlHooks } from './control/hooks.js'

export const BODY_LIMIT = 1024 * 1024
/** How long closing waits for webhook attempts in progress. */
const DRAIN_MS = 2000

export interface AppOptions extends EmulatorOptions {
  /** A pino logger; without one the app logs nothing. */
  logger?: Logger
  /** An existing emulator to serve (the in-process API shares one across restarts). */
  emulator?: Emulator
}

export type App = FastifyInstance & { emulator: Emulator }

declare module 'fastify' {
  interface FastifyInstance {
    emulator: Emulator
  }
}

/** Builds the Fastify app serving one emulator. Call `listen` or `inject` on the result. */
export function buildApp (options: AppOptions = {}): App {
  const emulator = options.emulator ?? new Emulator(options)
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logController: new OneLineRequestLog(),
    // One logger for all requests: a child per request (Fastify's default) costs an allocation and a bindings
    // serialization on every request; the request id goes into the few lines that need it instead.
    childLoggerFactory: (logger) => logger,
    // Ids (also the journal's) stay unique when one emulator is served by successive apps.
    genReqId: () => emulator.requestJournal.nextId(),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...(options.logger !== undefined ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    // Route schemas are the product's own, checked by its tests: Ajv need not validate them against the meta-schema.
    ajv: { customOptions: { removeAdditional: false, allErrors: false, discriminator: true, validateSchema: false } },
    schemaController: { compilersFactory: { buildValidator: lazyValidators(), buildSerializer: lazySerializers() } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('emulator', emulator)
  emulator.log = app.log as Logger
  emulator.delivery.internalRunners.set(DEMO_RUNNER_URL, demoRunner(async (request) => app.inject(request)))
  const routes = collectRoutes(app)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-port-emulator-version', VERSION)
    reply.header('x-trace-id', request.id)
    done()
  })
  // Responses sent while the app closes ask their client to hang up, so close() need not wait out keep-alive.
  let closing = false
  app.addHook('preClose', async () => { closing = true })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })
  installControlHooks(app, emulator)
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, errors.routeNotFound(request.method, request.url.split('?')[0] ?? ''))
  })

  app.register(controlRoutes)
  app.addHook('onResponse', (request, reply, done) => {
    if (emulator.onChange !== undefined && request.method !== 'GET' && reply.statusCode < 400) emulator.changed()
    done()
  })
  app.addHook('onClose', async () => {
    for (const org of emulator.orgs.all()) org.deliveries.release()
    await emulator.delivery.drain(DRAIN_MS)
    await emulator.persistence?.flush()
  })
  app.register(openapiRoutes, { document: () => buildDocument(routes) })
  app.register(authRoutes, { prefix: '/v1' })
  app.register(v1Routes, { prefix: '/v1' })
  return app as unknown as App
}

function handleError (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  sendError(reply, toApiError(error, request))
}

function toApiError (error: FastifyError, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error
  if (error.validation !== undefined) return errors.invalidRequest(validationMessage(error.validationContext ?? 'body', error.validation))
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return errors.payloadTooLarge()
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return errors.invalidJson('Body is not valid JSON')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return errors.invalidJson("Body cannot be empty when content-type is set to 'application/json'")
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return errors.unsupportedMediaType(`Unsupported Media Type: ${request.headers['content-type'] ?? ''}`)
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return errors.badRequest(error.message)
  request.log.error({ reqId: request.id, err: error }, 'unexpected error')
  return errors.internal()
}

function sendError (reply: FastifyReply, error: ApiError): void {
  if (error.headers !== undefined) reply.headers(error.headers)
  reply.code(error.statusCode).send({ ok: false, error: error.error, message: error.message })
}
