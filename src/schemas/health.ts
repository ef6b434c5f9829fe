// Schemas of the emulator's health route.
import { Type } from '@sinclair/typebox'
import { StringEnum } from './common.js'
import { component } from './components.js'

export const HealthSchema = component('Health', Type.Object({
  status: StringEnum(['ready', 'starting']),
  version: Type.String(),
}))
