// npm run lint (second half): validates the Dockerfile with the parser behind VS Code's Docker support.
// Its warnings (deprecated instructions, JSON in single quotes, ...) fail the lint too.
import { readFile } from 'node:fs/promises'
import { validate } from 'dockerfile-utils'

const file = process.argv[2] ?? 'Dockerfile'
const problems = validate(await readFile(file, 'utf8'))
for (const p of problems) console.error(`${file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`)
if (problems.length > 0) process.exitCode = 1
