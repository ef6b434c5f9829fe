// The build context as Docker sends it: .dockerignore's patterns, last match wins, `!` lets a path back in.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A predicate telling whether a context-relative path (`src/app.ts`) reaches the build. */
export function contextFilter (contextDir: string): (relativePath: string) => boolean {
  let text = ''
  try { text = readFileSync(join(contextDir, '.dockerignore'), 'utf8') } catch { return () => true }
  const rules = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')).map((line) => {
    const exclude = !line.startsWith('!')
    const pattern = line.replace(/^!/, '').replace(/^\.?\//, '').replace(/\/$/, '')
    return { exclude, regex: toRegex(pattern) }
  })
  return (relativePath) => {
    // A path is ignored when it, or a folder above it, matches: Docker does not descend into ignored folders
    // unless an exception names something inside them.
    const parts = relativePath.split('/')
    let ignored = false
    for (const rule of rules) {
      for (let depth = 1; depth <= parts.length; depth++) {
        if (rule.regex.test(parts.slice(0, depth).join('/'))) { ignored = rule.exclude; break }
      }
    }
    return !ignored
  }
}

function toRegex (pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*' && pattern[i + 1] === '*') { source += '.*'; i += pattern[i + 2] === '/' ? 2 : 1 } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}
