// Schemas of the organization route.
import { Type } from '@sinclair/typebox'
import { component } from './components.js'

export const OrganizationSchema = component('Organization', Type.Object({
  id: Type.String(),
  name: Type.String(),
}))

export const OrganizationResponseSchema = Type.Object({ ok: Type.Literal(true), organization: OrganizationSchema })
