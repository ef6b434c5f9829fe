// The examples of Port's "Reflect action progress" page, as data: the blueprint, both legacy actions,
// and the exact JSON shapes the emulator must reproduce.

export const microserviceBlueprint = {
  identifier: 'microservice',
  description: 'This blueprint represents service in our software catalog',
  title: 'Service',
  icon: 'Microservice',
  schema: { properties: { region: { type: 'string', title: 'Region' } }, required: [] },
  mirrorProperties: {},
  calculationProperties: {},
  relations: {},
}

export const createMicroservice = {
  identifier: 'create_microservice',
  title: 'Create Microservice',
  userInputs: {
    properties: {
      name: { title: 'Service name', type: 'string' },
      region: { title: 'Cloud Region', type: 'string' },
    },
  },
  invocationMethod: { url: 'https://getport.io', agent: false, type: 'WEBHOOK' },
  trigger: 'CREATE',
  description: 'Create new microservice',
}

export const deployMicroservice = {
  identifier: 'deploy_microservice',
  title: 'Deploy Microservice',
  userInputs: { properties: { environment: { title: 'Environment', type: 'string' } } },
  invocationMethod: { url: 'https://getport.io', agent: false, type: 'WEBHOOK' },
  trigger: 'DAY-2',
  description: 'Deploy the microservice in a specified environment',
}

/** The seed's CREATE invocation body. */
export const createInvocationBody = {
  action: 'create_microservice',
  resourceType: 'run',
  status: 'TRIGGERED',
  trigger: {
    by: {
      orgId: 'org_7SDeR821bunhS8es',
      userId: 'auth0|638879fa62c686d381b36ecb',
      user: { email: 'test@test.com', firstName: 'test', lastName: 'test', id: 'auth0|638879fa62c686d381b36ecb' },
    },
    origin: 'UI',
    at: '2022-12-07T12:53:52.916Z',
  },
  context: { entity: null, blueprint: 'microservice', runId: 'r_QOz6WoOB1Q2lmhZZ' },
  payload: {
    entity: null,
    action: {
      id: 'action_ed2B0O9CbEYkuqvN',
      identifier: 'create_microservice',
      title: 'Create Microservice',
      userInputs: createMicroservice.userInputs,
      invocationMethod: { url: 'https://getport.io', agent: false, type: 'WEBHOOK' },
      trigger: 'CREATE',
      description: 'Create new microservice',
      blueprint: 'microservice',
      createdAt: '2022-12-07T09:48:28.659Z',
      createdBy: 'auth0|638879fa62c686d381b36ecb',
      updatedAt: '2022-12-07T09:48:28.659Z',
      updatedBy: 'auth0|638879fa62c686d381b36ecb',
    },
    properties: { name: 'my-microservice', region: 'eu-west-1' },
  },
}

/** The seed's DAY-2 invocation body (unwrapped from the seed's extra `payload` key; see DEVIATIONS.md). */
export const day2InvocationBody = {
  action: 'deploy_microservice',
  resourceType: 'run',
  status: 'TRIGGERED',
  trigger: createInvocationBody.trigger,
  context: { entity: 'my-microservice', blueprint: 'microservice', runId: 'r_z0nJYJv0wCm2ASTR' },
  payload: {
    entity: {
      identifier: 'my-microservice',
      title: 'my-microservice',
      icon: null,
      blueprint: 'microservice',
      properties: { region: 'eu-west-1' },
      relations: {},
      createdAt: '2022-12-07T15:25:28.677Z',
      createdBy: 'KZ5zDPudPshQMShUb4cLopBEE1fNSJGE',
      updatedAt: '2022-12-07T15:30:24.660Z',
      updatedBy: 'KZ5zDPudPshQMShUb4cLopBEE1fNSJGE',
    },
    action: {
      id: 'action_AOLZfMmE3YUeBlMt',
      identifier: 'deploy_microservice',
      title: 'Deploy Microservice',
      userInputs: deployMicroservice.userInputs,
      invocationMethod: { url: 'https://getport.io', agent: false, type: 'WEBHOOK' },
      trigger: 'DAY-2',
      description: 'Deploy the microservice in a specified environment',
      blueprint: 'microservice',
      createdAt: '2022-12-08T10:05:54.935Z',
      createdBy: 'auth0|638879fa62c686d381b36ecb',
      updatedAt: '2022-12-08T10:05:54.935Z',
      updatedBy: 'auth0|638879fa62c686d381b36ecb',
    },
    properties: { environment: 'production' },
  },
}

/** The seed's GET run (CREATE, v1) response. */
export const createRunResponse = {
  ok: true,
  run: {
    id: 'r_QOz6WoOB1Q2lmhZZ',
    status: 'IN_PROGRESS',
    blueprint: { identifier: 'microservice', title: 'Service' },
    action: 'create_microservice',
    endedAt: null,
    source: 'UI',
    relatedEntityExists: false,
    relatedBlueprintExists: true,
    properties: { name: 'my-microservice', region: 'eu-west-1' },
    createdAt: '2022-12-07T12:53:52.916Z',
    updatedAt: '2022-12-07T12:53:52.916Z',
    createdBy: 'auth0|638879fa62c686d381b36ecb',
    updatedBy: 'auth0|638879fa62c686d381b36ecb',
  },
}

/** The seed's GET run (DAY-2, v1) response. */
export const day2RunResponse = {
  ok: true,
  run: {
    id: 'r_z0nJYJv0wCm2ASTR',
    status: 'IN_PROGRESS',
    blueprint: { identifier: 'microservice', title: 'Service' },
    entity: { identifier: 'my-microservice', title: 'my-microservice' },
    action: 'deploy_microservice',
    endedAt: null,
    source: 'UI',
    relatedEntityExists: true,
    relatedBlueprintExists: true,
    properties: { environment: 'production' },
    createdAt: '2022-12-08T10:07:09.860Z',
    updatedAt: '2022-12-08T10:07:09.860Z',
    createdBy: 'auth0|638879fa62c686d381b36ecb',
    updatedBy: 'auth0|638879fa62c686d381b36ecb',
  },
}

/** The seed's PATCH body and its response. */
export const patchBody = {
  status: 'SUCCESS',
  link: ['https://github.com/actions/toolkit/actions/runs/3617893813', 'https://github.com/actions/toolkit/actions/runs/4165617487'],
  message: { run_status: 'Run completed successfully!' },
}

export const patchResponse = {
  ok: true,
  run: {
    ...createRunResponse.run,
    status: 'SUCCESS',
    endedAt: '2022-12-07T14:51:52.796Z',
    link: patchBody.link,
    message: patchBody.message,
    updatedAt: '2022-12-07T14:51:52.796Z',
    updatedBy: 'KZ5zDPudPshQMShUb4cLopBEE1fNSJGE',
  },
}

export const logResponse = {
  ok: true,
  runLog: { id: 'log_Wo7cIcCftqhj4lNy', runId: 'r_z0nJYJv0wCm2ASTR', message: 'my new log message', createdAt: '2023-03-12T15:27:25.394Z', createdBy: 'KZ5zDPudPshQMShUb4cLopBEE1fNSJGE' },
}
