// Schemas of POST /v1/auth/access_token.
import { Type, type Static } from '@sinclair/typebox'
import { component } from './components.js'

export const AccessTokenRequestSchema = component('AccessTokenRequest', Type.Object({
  clientId: Type.String({ minLength: 1, description: 'The client id of the organization credentials' }),
  clientSecret: Type.String({ minLength: 1, description: 'The client secret of the organization credentials' }),
}, { additionalProperties: false }))
export type AccessTokenRequest = Static<typeof AccessTokenRequestSchema>

export const AccessTokenResponseSchema = component('AccessTokenResponse', Type.Object({
  ok: Type.Literal(true),
  accessToken: Type.String(),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires' }),
  tokenType: Type.Literal('Bearer'),
}))
