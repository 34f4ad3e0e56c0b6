// Expectations: what a controller has asked for and not yet seen in its cache.
//
// "A controller must not act twice on one decision." After creating 3 pods, the ReplicaSet
// controller's cache may still show the old count for a moment; reconciling then would create
// 3 more. So it records that it expects 3 creations, lowers the count as its informer sees
// each new pod, and does not act on that ReplicaSet again until the count is zero (or the
// expectation is older than 5 minutes, in case an event was lost).
//
// Real Kubernetes: pkg/controller/controller_utils.go (ControllerExpectations,
// ExpectationsTimeout = 5 minutes).

export const ExpectationsTimeoutMs = 5 * 60 * 1000;

interface Expected {
  adds: number;
  deletes: number;
  setAt: number;
}

export class Expectations {
  private readonly byKey = new Map<string, Expected>();

  constructor(private readonly now: () => number = Date.now) {}

  expect(key: string, adds: number, deletes: number): void {
    this.byKey.set(key, { adds, deletes, setAt: this.now() });
  }

  observedAdd(key: string): void {
    const expected = this.byKey.get(key);
    if (expected) expected.adds--;
  }

  observedDelete(key: string): void {
    const expected = this.byKey.get(key);
    if (expected) expected.deletes--;
  }

  /** True when nothing is outstanding, or what is outstanding is too old to wait for. */
  isSatisfied(key: string): boolean {
    const expected = this.byKey.get(key);
    if (!expected) return true;
    return (expected.adds <= 0 && expected.deletes <= 0) || this.now() - expected.setAt > ExpectationsTimeoutMs;
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }
}
