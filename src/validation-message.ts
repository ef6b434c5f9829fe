// Turns a route's schema validation errors into one Port-style message that names the field at fault.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js'

/** `body/status must be one of: "SUCCESS", "FAILURE"`, `body/clientSecret is required`, and the like. */
export function validationMessage (context: string, issues: FastifySchemaValidationError[]): string {
  const issue = issues[0]
  if (issue === undefined) return `${context} is invalid`
  const params = issue.params as Record<string, unknown>
  const where = `${context}${issue.instancePath}`
  const { propertyName } = issue as { propertyName?: string }
  if (propertyName !== undefined) return `${where}: the key "${propertyName}" ${issue.message ?? 'is invalid'}`
  switch (issue.keyword) {
    case 'required': return `${where}/${String(params.missingProperty)} is required`
    case 'additionalProperties': return `${where}/${String(params.additionalProperty)} is not allowed`
    case 'enum': return `${where} must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'discriminator': return `${where}/${String(params.tag)} ${JSON.stringify(params.tagValue)} is not an allowed value`
    default: return `${where} ${issue.message ?? 'is invalid'}`
  }
}
