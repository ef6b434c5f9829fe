// Turns a route's schema validation errors into one Port-style message that names the field at fault.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js'
import { describeError } from './domain/json-schema.js'

/** `body/status must be one of: "SUCCESS", "FAILURE"`, `body/clientSecret is required`, and the like. */
export function validationMessage (context: string, issues: FastifySchemaValidationError[]): string {
  return describeError(context, issues[0])
}
