// The images a kubelab node can run: a few programs of its own, not a registry.
//
// "The kubelet pulls the image, then the runtime starts the container from it." kubelab's
// nodes cannot reach any registry, so an image is one of these programs, already on every
// node (they are part of kubelab's code, bind-mounted into the node container). A name not
// listed here cannot be pulled: the container waits with ErrImagePull, then
// ImagePullBackOff, as it would for a misspelled image in Kubernetes. The control plane's
// images are here too, for the static pods a kubeadm control-plane node runs: etcd (the node
// image's binary) and kubelab's own API server, scheduler and controller manager.
// Real Kubernetes: the kubelet's image manager (pkg/kubelet/images) asks CRI's ImageService.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A node program: `node <file>`, the file relative to this one once compiled. */
const nodeProgram = (file: string) => ['node', path.join(here, file)];

/** Image name (without a tag) → its entrypoint. */
export const ImageCatalogue: Readonly<Record<string, readonly string[]>> = {
  'kubelab/echo': nodeProgram('echo.js'),
  'kubelab/sleeper': nodeProgram('sleeper.js'),
  'kubelab/exit': nodeProgram('exit.js'),
  'kubelab/crasher': nodeProgram('crasher.js'),
  'kubelab/readiness-toggle': nodeProgram('readiness-toggle.js'),
  // The control plane, as kubeadm's static pods run it (impl/cluster/kubeadm).
  'kubelab/etcd': ['etcd'],
  'kubelab/kube-apiserver': nodeProgram('../../apiserver/main.js'),
  'kubelab/kube-scheduler': nodeProgram('../../scheduler/main.js'),
  'kubelab/kube-controller-manager': nodeProgram('../../controllers/main.js'),
};

/** The tags every image has: none given means `latest`, as in Kubernetes. */
const Tags = ['latest', '1.0'];

export interface CatalogueImage {
  /** What runs when the container's spec gives no `command`, such as `node <program>`. */
  readonly entrypoint: readonly string[];
  /** A content-like id, as `status.containerStatuses[].imageID` shows. */
  readonly id: string;
}

/** The image named `reference` (`kubelab/echo`, `kubelab/echo:1.0`), or undefined. */
export function findImage(reference: string): CatalogueImage | undefined {
  const [name = '', tag = 'latest'] = reference.split(':');
  const entrypoint = ImageCatalogue[name];
  if (entrypoint === undefined || !Tags.includes(tag)) return undefined;
  const digest = createHash('sha256').update(`${name}:${tag}`).digest('hex');
  return { entrypoint, id: `${name}@sha256:${digest}` };
}

/**
 * CRI's ImageService over the catalogue: an image is present on every node, or it cannot be
 * pulled at all (kubelab's nodes reach no registry).
 */
export class CatalogueImageService {
  async pullImage(image: string): Promise<string> {
    const found = findImage(image);
    if (!found) {
      const known = Object.keys(ImageCatalogue).join(', ');
      const why = `not found (kubelab nodes run only ${known})`;
      throw new Error(`rpc error: code = NotFound desc = failed to pull and unpack image "${image}": ${why}`);
    }
    return found.id;
  }
}
