// The embedded default seed: a demo organization, the "Reflect action progress" page's blueprint, actions and user,
// with the actions pointed at the built-in demo runner so nothing leaves the machine.
import { DEMO_RUNNER_URL } from '../delivery/demo-runner.js'
import type { Seed } from '../schemas/seed.js'

const demoRunner = { type: 'WEBHOOK', agent: false, url: DEMO_RUNNER_URL }

/** The seed used when no seed file is given; credentials come from the configuration. */
export function defaultSeed (clientId: string, clientSecret: string, secrets: Record<string, string>): Seed {
  return {
    organizations: [{
      id: 'org_portEmulatorDemo',
      name: 'Demo organization',
      clientId,
      clientSecret,
      users: [{ id: 'auth0|638879fa62c686d381b36ecb', email: 'test@test.com', firstName: 'test', lastName: 'test' }],
      secrets,
      blueprints: [{
        identifier: 'microservice',
        description: 'This blueprint represents service in our software catalog',
        title: 'Service',
        icon: 'Microservice',
        schema: { properties: { region: { type: 'string', title: 'Region' } }, required: [] },
        mirrorProperties: {},
        calculationProperties: {},
        relations: {},
      }],
      actions: [
        {
          blueprint: 'microservice',
          identifier: 'create_microservice',
          title: 'Create Microservice',
          userInputs: { properties: { name: { title: 'Service name', type: 'string' }, region: { title: 'Cloud Region', type: 'string' } } },
          invocationMethod: demoRunner,
          trigger: 'CREATE',
          description: 'Create new microservice',
        },
        {
          blueprint: 'microservice',
          identifier: 'deploy_microservice',
          title: 'Deploy Microservice',
          userInputs: { properties: { environment: { title: 'Environment', type: 'string' } } },
          invocationMethod: demoRunner,
          trigger: 'DAY-2',
          description: 'Deploy the microservice in a specified environment',
        },
      ],
      entities: [{ blueprint: 'microservice', identifier: 'my-microservice', title: 'my-microservice', properties: { region: 'eu-west-1' } }],
    }],
  }
}
