#!/usr/bin/env node
// The executable: the only place that reads process.env and argv; everything else receives them.
import { main } from './cli.js'

process.exitCode = await main(process.argv.slice(2), process.env, process)
