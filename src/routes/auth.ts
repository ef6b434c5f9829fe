// POST /v1/auth/access_token: the one /v1 route that needs no token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccessTokenRequestSchema, AccessTokenResponseSchema } from '../schemas/auth.js'
import { errorResponses } from '../schemas/common.js'
import { issueToken } from '../domain/auth.js'

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/auth/access_token', {
    schema: {
      tags: ['Authentication'],
      summary: 'Create an access token',
      body: AccessTokenRequestSchema,
      response: { 200: AccessTokenResponseSchema, ...errorResponses(401, 413, 422) },
    },
  }, async (request) => {
    const token = issueToken(app.emulator, request.body.clientId, request.body.clientSecret)
    return { ok: true, ...token, tokenType: 'Bearer' } as const
  })
}
