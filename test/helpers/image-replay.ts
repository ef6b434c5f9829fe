// Replays the Dockerfile's stages in a temporary folder, without Docker: each stage's filesystem is a folder,
// COPY copies (through .dockerignore), RUN runs its npm command there. Anything it cannot replay faithfully throws.
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { contextFilter } from './dockerignore.js'
import { machineEnv } from './env.js'
import { commandOf, envOf, type Stage } from './dockerfile.js'

/** What a container of the final stage would run, mapped onto the replayed folder. */
export interface ReplayedImage {
  /** The final stage's WORKDIR, inside the replay folder. */
  workdir: string
  /** The environment the Dockerfile sets (the base image's PATH comes from this machine). */
  env: Record<string, string>
  command: string[]
  healthcheck: string[]
  /** The uid and gid of the stage's USER, for spawn(); undefined when that user is root. */
  user?: { uid: number, gid: number }
}

// The official Node images create `node` with uid and gid 1000.
const USERS: Record<string, number> = { root: 0, node: 1000 }

/** Replays every stage of `stages` under `folder`, copying context files from `contextDir`. */
export function replayImage (stages: Stage[], contextDir: string, folder: string): ReplayedImage {
  chmodSync(folder, 0o755) // mkdtemp's 0700 would lock out the unprivileged USER
  const inContext = contextFilter(contextDir)
  const roots = new Map<string, string>()
  let replayed: ReplayedImage | undefined
  stages.forEach((stage, index) => {
    if (!/^node:[\w.-]+$/.test(stage.from)) throw new Error(`cannot replay FROM ${stage.from}: only official node images`)
    const root = join(folder, stage.name ?? `stage-${index}`)
    roots.set(stage.name ?? String(index), root)
    replayed = replayStage(stage, root, (source) => {
      if (source.from === undefined) return { dir: contextDir, filter: inContext }
      const from = roots.get(source.from)
      if (from === undefined) throw new Error(`COPY --from=${source.from}: no such earlier stage`)
      return { dir: from, filter: () => true }
    })
  })
  if (replayed === undefined) throw new Error('the Dockerfile has no stage')
  return replayed
}

type Sources = (copy: { from?: string }) => { dir: string, filter: (relativePath: string) => boolean }

function replayStage (stage: Stage, root: string, sources: Sources): ReplayedImage {
  let workdir = root
  let user: ReplayedImage['user']
  const env: Record<string, string> = {}
  mkdirSync(root, { recursive: true })
  for (const instruction of stage.instructions) {
    const { keyword, args, flags } = instruction
    switch (keyword) {
      case 'WORKDIR': workdir = join(root, args); mkdirSync(workdir, { recursive: true }); break
      case 'ENV': Object.assign(env, envOf({ ...stage, instructions: [instruction] })); break
      case 'COPY': copy(args.split(/\s+/), workdir, root, sources(flags.from !== undefined ? { from: flags.from } : {}), flags.from !== undefined); break
      case 'RUN': run(args, flags, workdir, env); break
      case 'USER': user = userOf(args); break
      case 'EXPOSE': case 'HEALTHCHECK': case 'ENTRYPOINT': case 'CMD': case 'LABEL': break
      default: throw new Error(`cannot replay ${keyword} ${args}`)
    }
  }
  const healthcheck = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK').at(-1)?.exec ?? []
  return { workdir, env, command: commandOf(stage), healthcheck, ...(user !== undefined ? { user } : {}) }
}

function copy (words: string[], workdir: string, root: string, source: ReturnType<Sources>, fromStage: boolean): void {
  const dest = words.at(-1) as string
  const target = dest.startsWith('/') ? join(root, dest) : join(workdir, dest)
  for (const word of words.slice(0, -1)) {
    // Paths in another stage are read from its filesystem root; context paths from the context folder.
    const from = join(source.dir, word)
    const base = fromStage ? from : source.dir
    if (!fromStage && !source.filter(word)) throw new Error(`COPY ${word}: excluded by .dockerignore`)
    const into = statSync(from).isDirectory() || !dest.endsWith('/') ? target : join(target, basename(from))
    cpSync(from, into, { recursive: true, filter: (path) => source.filter(relative(base, path)) })
  }
}

function run (command: string, flags: Record<string, string>, workdir: string, env: Record<string, string>): void {
  // The cache mount's content never reaches the image, so this machine's own npm cache stands in for it.
  const unknown = Object.entries(flags).filter(([k, v]) => !(k === 'mount' && /^type=cache,target=\/root\/\.npm$/.test(v)))
  if (unknown.length > 0 || !command.split('&&').every((part) => /^\s*npm\s/.test(part))) {
    throw new Error(`cannot replay RUN ${command}: only npm commands with an npm cache mount`)
  }
  const result = spawnSync('sh', ['-c', command], { cwd: workdir, env: { ...machineEnv(), ...env }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`RUN ${command} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
}

function userOf (name: string): ReplayedImage['user'] {
  const id = /^\d+$/.test(name) ? Number(name) : USERS[name]
  if (id === undefined) throw new Error(`cannot replay USER ${name}: unknown user`)
  return id === 0 ? undefined : { uid: id, gid: id }
}
