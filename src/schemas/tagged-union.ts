// A oneOf keyed by a tag property, so Ajv reports the errors of the matching branch only.
import { Type, type Static, type TObject } from '@sinclair/typebox'

/**
 * `oneOf` + OpenAPI `discriminator` on `tag`: Ajv (with `discriminator: true`) picks the branch by the tag's
 * value, so a bad `url` in a WEBHOOK invocation method is reported as such, not as "must match one schema".
 */
export function taggedUnion<T extends TObject[]> (tag: string, branches: [...T], options: Record<string, unknown> = {}) {
  return Type.Unsafe<Static<T[number]>>({
    type: 'object',
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: branches,
    ...options,
  })
}
