import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  booleanSetting,
  countSetting,
  optionalCountSetting,
  readSettings,
  secondsSetting,
  SettingsError,
  stringSetting,
} from './settings.js';

const spec = {
  name: stringSetting('SCHEDULER_NAME', 'default-scheduler', 'the schedulerName it serves'),
  grace: secondsSetting('GRACE_SECONDS', 50, 'how long a node may be silent'),
  workers: countSetting('WORKERS', 4, 'how many workers'),
  percentage: optionalCountSetting('PERCENTAGE', 'percentage of nodes to score'),
  logAll: booleanSetting('LOG_ALL', true, 'log every request'),
};

test('unset or empty variables give the defaults', () => {
  assert.deepEqual(readSettings(spec, { WORKERS: '' }), {
    name: 'default-scheduler',
    grace: 50_000,
    workers: 4,
    percentage: undefined,
    logAll: true,
  });
});

test('set variables are parsed, seconds into milliseconds', () => {
  const settings = readSettings(spec, {
    SCHEDULER_NAME: 'mine',
    GRACE_SECONDS: '1.5',
    WORKERS: '2',
    PERCENTAGE: '50',
    LOG_ALL: 'false',
  });
  assert.deepEqual(settings, { name: 'mine', grace: 1500, workers: 2, percentage: 50, logAll: false });
});

test('every bad value is named with its variable and why, in one error', () => {
  assert.throws(
    () => readSettings(spec, { GRACE_SECONDS: 'abc', WORKERS: '2.5', LOG_ALL: 'yes' }),
    (error: unknown) => {
      assert.ok(error instanceof SettingsError);
      assert.deepEqual(error.message.split('\n'), [
        'invalid value "abc" for GRACE_SECONDS (how long a node may be silent): not a number of seconds',
        'invalid value "2.5" for WORKERS (how many workers): not a whole number',
        'invalid value "yes" for LOG_ALL (log every request): not true or false',
      ]);
      return true;
    },
  );
});

test('a negative number is refused', () => {
  assert.throws(() => readSettings(spec, { GRACE_SECONDS: '-1' }), /not a number of seconds/);
});
