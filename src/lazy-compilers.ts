// Fastify's own schema compilers, made lazy: a route's validator and serializer are compiled on its first
// request instead of at start. With some hundred schemas (Port's action bodies are large), that is most of
// the start-up time; a suite that touches ten routes pays for ten.
import AjvCompiler, { type ValidatorFactory } from '@fastify/ajv-compiler'
import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler'

type Validate = ((data: unknown) => boolean) & { errors?: unknown }

/** The default validator factory; each route's validator is compiled when first called. */
export function lazyValidators (): ValidatorFactory {
  const pool = AjvCompiler()
  return ((externalSchemas: never, options: never) => {
    const build = pool(externalSchemas, options)
    return (route: Parameters<typeof build>[0]) => {
      let compiled: Validate | undefined
      const validate: Validate = (data) => {
        compiled ??= build(route) as unknown as Validate
        const valid = compiled(data)
        validate.errors = compiled.errors
        return valid
      }
      return validate
    }
  }) as unknown as ValidatorFactory
}

/** The default serializer factory; each response's serializer is compiled when first used. */
export function lazySerializers (): SerializerFactory {
  const selector = SerializerSelector()
  return ((externalSchemas: never, options: never) => {
    const build = selector(externalSchemas, options)
    return (route: Parameters<typeof build>[0]) => {
      let compiled: ((data: unknown) => string) | undefined
      return (data: unknown) => (compiled ??= build(route))(data)
    }
  }) as unknown as SerializerFactory
}
