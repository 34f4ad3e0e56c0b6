// A container's image, made present before the container starts: pulled, or waited for.
//
// "An image that cannot be pulled is tried again after a growing back-off: the container waits
// in ErrImagePull, then in ImagePullBackOff until the next try." Each container has a back-off
// of its own, and its ImagePullBackOff names the error of the pull that started it (as the
// kubelet's message does since 1.32).
// Real Kubernetes: pkg/kubelet/images/image_manager.go (EnsureImageExists).
import type { ImageService } from '../cri/runtime-service.js';
import { findImage } from '../images/catalogue.js';
import type { Backoff } from './backoff.js';
import type { ContainerState } from './container-view.js';

type Waiting = NonNullable<ContainerState['waiting']>;
export type PullResult = { isPresent: true } | { isPresent: false; waiting: Waiting; retryInMs: number };
/** Records one of the pod's events. */
type Record = (type: 'Normal' | 'Warning', reason: string, message: string) => Promise<void>;

export class ImagePuller {
  /** The last failed pull of each container's image, by `<pod uid>/<container>`. */
  private readonly errors = new Map<string, string>();

  constructor(
    private readonly images: ImageService,
    private readonly backoff: Backoff,
  ) {}

  /** Pulls `image` for the container `key`, unless its back-off says to wait. */
  async ensureImage(key: string, image: string, now: number, record: Record): Promise<PullResult> {
    const wait = this.backoff.remainingSinceLastFailure(key, now);
    if (wait > 0) {
      const cause = this.errors.get(key);
      const message = `Back-off pulling image "${image}"${cause ? `: ErrImagePull: ${cause}` : ''}`;
      await record('Normal', 'BackOff', `Back-off pulling image "${image}"`);
      return { isPresent: false, waiting: { reason: 'ImagePullBackOff', message }, retryInMs: wait };
    }
    if (!findImage(image)) await record('Normal', 'Pulling', `Pulling image "${image}"`);
    try {
      await this.images.pullImage(image);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.backoff.next(key, now);
      this.errors.set(key, message);
      await record('Warning', 'Failed', `Failed to pull image "${image}": ${message}`);
      await record('Warning', 'Failed', 'Error: ErrImagePull');
      // Soon back, to show the back-off the next pull waits for.
      const retryInMs = Math.min(1000, this.backoff.delay(key));
      return { isPresent: false, waiting: { reason: 'ErrImagePull', message }, retryInMs };
    }
    this.backoff.forget(key);
    this.errors.delete(key);
    await record('Normal', 'Pulled', `Container image "${image}" already present on machine`);
    return { isPresent: true };
  }

  /** Forgets every container whose key starts with `prefix`: a pod's uid, when the pod goes. */
  forget(prefix: string): void {
    this.backoff.forget(prefix);
    for (const key of this.errors.keys()) if (key.startsWith(prefix)) this.errors.delete(key);
  }
}
