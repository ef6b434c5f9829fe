// Reads the project's Dockerfile into stages of instructions, enough to check its key lines and replay them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './env.js'

export interface Instruction {
  keyword: string
  /** The arguments as written, continuation lines joined. */
  args: string
  /** The arguments of the exec (JSON array) form, undefined for the shell form. */
  exec?: string[]
  /** `--name=value` flags written before the arguments (COPY --from, HEALTHCHECK --interval). */
  flags: Record<string, string>
}

export interface Stage {
  from: string
  name?: string
  instructions: Instruction[]
}

/** The stages of a Dockerfile, in order; the last one is what `docker run` starts. */
export function parseDockerfile (text: string): Stage[] {
  const stages: Stage[] = []
  for (const line of logicalLines(text)) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/s.exec(line) ?? []
    const instruction = parseInstruction(keyword.toUpperCase(), rest)
    if (instruction.keyword === 'FROM') {
      const [from = '', , name] = instruction.args.split(/\s+/)
      stages.push({ from, ...(name !== undefined ? { name } : {}), instructions: [] })
    } else {
      const stage = stages.at(-1)
      if (stage === undefined) throw new Error(`${keyword} before FROM`)
      stage.instructions.push(instruction)
    }
  }
  return stages
}

/** The project's Dockerfile, parsed. */
export function projectDockerfile (): Stage[] {
  return parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))
}

/** All instructions of a stage with this keyword. */
export function instructionsOf (stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword)
}

/** The stage's environment: every `ENV key=value` pair, later ones winning. */
export function envOf (stage: Stage): Record<string, string> {
  const env: Record<string, string> = {}
  for (const { args } of instructionsOf(stage, 'ENV')) {
    for (const [, key = '', quoted, bare] of args.matchAll(/(\w+)=(?:"([^"]*)"|(\S*))/g)) env[key] = quoted ?? bare ?? ''
  }
  return env
}

/** The command a container of this stage runs: ENTRYPOINT then CMD, both in exec form. */
export function commandOf (stage: Stage): string[] {
  const last = (keyword: string): string[] => instructionsOf(stage, keyword).at(-1)?.exec ?? []
  return [...last('ENTRYPOINT'), ...last('CMD')]
}

function parseInstruction (keyword: string, rest: string): Instruction {
  const flags: Record<string, string> = {}
  let args = rest
  for (let m = /^--([\w-]+)=(\S+)\s+/.exec(args); m !== null; m = /^--([\w-]+)=(\S+)\s+/.exec(args)) {
    flags[m[1] as string] = m[2] as string
    args = args.slice(m[0].length)
  }
  // HEALTHCHECK's command is an instruction of its own: `HEALTHCHECK [flags] CMD [...]`.
  const body = keyword === 'HEALTHCHECK' ? args.replace(/^CMD\s+/, '') : args
  return { keyword, args, flags, ...(body.startsWith('[') ? { exec: JSON.parse(body) as string[] } : {}) }
}

function logicalLines (text: string): string[] {
  const lines: string[] = []
  let current = ''
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line.startsWith('#') || (line === '' && current === '')) continue
    if (line.endsWith('\\')) { current += `${line.slice(0, -1)} `; continue }
    lines.push(`${current}${line}`.trim())
    current = ''
  }
  if (current !== '') lines.push(current.trim())
  return lines.filter((l) => l !== '')
}
