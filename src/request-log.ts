// One JSON log line per request, written when the response is done (Fastify's default is two).
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/** Replaces Fastify's "incoming request" + "request completed" pair with a single line. */
export class OneLineRequestLog extends LogController {
  override incomingRequest (): void {}

  override requestCompleted (error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = { reqId: request.id, method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }
    if (error !== null && error !== undefined) request.log.error({ ...line, err: error }, 'request failed')
    else request.log.info(line, 'request')
  }

  override routeNotFound (): void {}
}
