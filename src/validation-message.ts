// Turns Ajv's validation errors into one Port-style message that names the field at fault.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js'

/** `body/status must be equal to one of the allowed values: SUCCESS, FAILURE`, and the like. */
export function validationMessage (context: string, issues: FastifySchemaValidationError[]): string {
  const issue = issues[0]
  if (issue === undefined) return `${context} is invalid`
  const params = issue.params as Record<string, unknown>
  const where = `${context}${issue.instancePath}`
  switch (issue.keyword) {
    case 'required': return `${where}/${String(params.missingProperty)} is required`
    case 'additionalProperties': return `${where}/${String(params.additionalProperty)} is not allowed`
    case 'enum': return `${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`
    case 'const': return `${where} must be ${JSON.stringify(params.allowedValue)}`
    default: return `${where} ${issue.message ?? 'is invalid'}`
  }
}
