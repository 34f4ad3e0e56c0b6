// Parameter types: step text in the reader's words, turned into typed values.

import { defineParameterType } from '@cucumber/cucumber';
import type { WatchEventType } from '../../impl/client/types.js';
import { kindByWords, kindWordsPattern, type KindInfo } from './manifests.js';

defineParameterType({
  name: 'kind',
  regexp: new RegExp(kindWordsPattern),
  transformer: (words: string): KindInfo => kindByWords(words),
});

defineParameterType({
  name: 'events',
  regexp: /(?:ADDED|MODIFIED|DELETED|ERROR)(?:, (?:ADDED|MODIFIED|DELETED|ERROR))*/,
  transformer: (text: string): WatchEventType[] => text.split(', ') as WatchEventType[],
});

defineParameterType({
  name: 'counts',
  regexp: /\d+(?:, \d+)*(?: and \d+)?/,
  transformer: (text: string): number[] => text.split(/, | and /).map(Number),
});
