// Schemas of the emulator's health route.
import { Type } from '@sinclair/typebox'
import { component } from './components.js'

export const HealthSchema = component('Health', Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('starting')]),
  version: Type.String(),
}))
