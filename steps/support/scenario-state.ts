// What a step file remembers for one scenario, kept beside the world rather than on it: each
// file makes its own store, so no two files share a field or need KubeWorld to grow one.

import type { KubeWorld } from './world.js';

export interface ScenarioState<State> {
  /** This scenario's state, made with `initial` the first time a step asks. */
  of(world: KubeWorld): State;
  /** This scenario's state if a step made it: for After hooks, which must not make one. */
  ifAny(world: KubeWorld): State | undefined;
}

export function scenarioState<State>(initial: () => State): ScenarioState<State> {
  const states = new WeakMap<KubeWorld, State>();
  return {
    of(world) {
      const state = states.get(world) ?? initial();
      states.set(world, state);
      return state;
    },
    ifAny: (world) => states.get(world),
  };
}
