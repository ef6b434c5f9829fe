// npm run openapi: regenerates openapi.yaml from the route schemas (test/openapi.test.ts fails on drift).
import { writeFile } from 'node:fs/promises'
import { renderOpenapiYaml } from '../src/openapi/render.js'

await writeFile(new URL('../openapi.yaml', import.meta.url), await renderOpenapiYaml())
console.log('openapi.yaml written')
