// Finalizers a scenario holds on its objects, to keep something "being deleted" long enough to
// look at it, and always lets go of in its cleanup.

import { isNotFound } from '../../impl/client/api-errors.js';
import type { ResourceRef } from '../../impl/client/rest-client.js';
import type { KubeObject } from '../../impl/client/types.js';
import type { KubeWorld } from './world.js';

/** Adds a finalizer; the scenario's cleanup removes it again, so nothing stays stuck. */
export async function holdWithFinalizer(world: KubeWorld, ref: ResourceRef, finalizer: string): Promise<void> {
  const object = await world.api.get(ref);
  await world.api.patch(ref, { metadata: { finalizers: [...(object.metadata.finalizers ?? []), finalizer] } });
  world.cleanups.push(() => releaseFinalizer(world, ref, finalizer));
}

/** Removes a finalizer, if the object is still there and still has it. */
export async function releaseFinalizer(world: KubeWorld, ref: ResourceRef, finalizer: string): Promise<void> {
  let object: KubeObject;
  try {
    object = await world.api.get(ref);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  const finalizers = (object.metadata.finalizers ?? []).filter((candidate) => candidate !== finalizer);
  if (finalizers.length === (object.metadata.finalizers ?? []).length) return;
  // No resourceVersion: controllers write the object meanwhile, and only the finalizers change here.
  await world.api.patch(ref, { metadata: { finalizers } });
}

/**
 * Removes a finalizer a scenario's step says is there: the object must exist and hold it, or
 * the step fails, so a step that "removes" what was never added cannot pass quietly.
 */
export async function removeFinalizer(world: KubeWorld, ref: ResourceRef, finalizer: string): Promise<void> {
  const object = await world.api.get(ref);
  const finalizers = object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer))
    throw new Error(
      `${ref.resource} "${ref.name}" has no finalizer "${finalizer}" to remove (it has [${finalizers.join(', ')}])`,
    );
  await world.api.patch(ref, { metadata: { finalizers: finalizers.filter((candidate) => candidate !== finalizer) } });
}
