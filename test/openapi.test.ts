import { readFile } from 'node:fs/promises'
import { Validator } from '@seriousme/openapi-schema-validator'
import { parse } from 'yaml'
import { afterEach, describe, expect, it } from 'vitest'
import { renderOpenapiYaml } from '../src/openapi/render.js'
import { buildTestApp, type TestApp } from './helpers/app.js'

let app: TestApp
afterEach(async () => { await app?.close() })

describe('openapi.yaml', () => {
  it('matches what the route schemas generate (run `npm run openapi` after changing a route)', async () => {
    const committed = await readFile(new URL('../openapi.yaml', import.meta.url), 'utf8')
    expect(committed).toBe(await renderOpenapiYaml())
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = parse(await renderOpenapiYaml())
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('documents the token route with its error responses', async () => {
    const document = parse(await renderOpenapiYaml())
    expect(Object.keys(document.paths['/v1/auth/access_token'].post.responses)).toEqual(['200', '401', '413', '422'])
  })

  it('is served as JSON and YAML with the same content', async () => {
    app = await buildTestApp()
    const json = await app.inject({ method: 'GET', url: '/openapi.json' })
    const yaml = await app.inject({ method: 'GET', url: '/openapi.yaml' })
    expect(yaml.headers['content-type']).toMatch(/yaml/)
    expect(json.json()).toEqual(parse(yaml.body))
  })
})
