// Steps about raw API answers: codes, reasons and messages, as a client with curl sees them.

import assert from 'node:assert/strict';
import { Then, When } from '@cucumber/cucumber';
import type { Status } from '../impl/client/types.js';
import type { KubeWorld } from './support/world.js';

function keepRawAnswer(world: KubeWorld, code: number, body: string): void {
  const parsed = JSON.parse(body) as Status;
  world.lastAnswer = { code, status: parsed.kind === 'Status' ? parsed : undefined };
}

When(/^a pod is posted whose body is (.*)$/, async function (this: KubeWorld, body: string) {
  const response = await this.api.raw('POST', `/api/v1/namespaces/${this.namespace}/pods`, body);
  keepRawAnswer(this, response.code, response.body);
});

When('the resource {string} is listed through the API', async function (this: KubeWorld, resource: string) {
  const response = await this.api.raw('GET', `/api/v1/namespaces/${this.namespace}/${resource}`);
  keepRawAnswer(this, response.code, response.body);
});

Then(
  'the API answers {int} {word} with a message containing {string}',
  function (this: KubeWorld, code: number, reason: string, fragment: string) {
    const answer = this.lastAnswer;
    assert.ok(answer?.status, `the API answered ${answer?.code} without a Status`);
    assert.deepEqual(
      { code: answer.code, statusCode: answer.status.code, reason: answer.status.reason },
      { code, statusCode: code, reason },
    );
    const expected = this.expand(fragment, this.objects.get(this.lastLabel));
    assert.ok(answer.status.message?.includes(expected), `message "${answer.status.message}" lacks "${expected}"`);
  },
);

Then(
  'the API answers {int} {word}: {string}',
  function (this: KubeWorld, code: number, reason: string, message: string) {
    const answer = this.lastAnswer;
    assert.ok(answer?.status, `the API answered ${answer?.code} without a Status`);
    assert.deepEqual(
      { code: answer.code, reason: answer.status.reason, message: answer.status.message },
      { code, reason, message: this.expand(message, this.objects.get(this.lastLabel)) },
    );
  },
);

Then(
  'the API answers 422 Invalid with the causes {string} and {string}',
  function (this: KubeWorld, first: string, second: string) {
    const status = this.lastAnswer?.status;
    assert.equal(status?.code, 422);
    assert.equal(status?.reason, 'Invalid');
    assert.deepEqual(
      status?.details?.causes?.map((cause) => cause.field),
      [first, second],
    );
  },
);

Then('the API server is still ready', async function (this: KubeWorld) {
  const response = await this.api.raw('GET', '/readyz');
  assert.equal(response.code, 200);
});
