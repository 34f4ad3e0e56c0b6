// The images a kubelab node can run: a few programs of its own, not a registry.
//
// "The kubelet pulls the image, then the runtime starts the container from it." kubelab's
// nodes cannot reach any registry, so an image is one of these programs, already on every
// node (they are part of kubelab's code, bind-mounted into the node container). A name not
// listed here cannot be pulled: the container waits with ErrImagePull, then
// ImagePullBackOff, as it would for a misspelled image in Kubernetes.
// Real Kubernetes: the kubelet's image manager (pkg/kubelet/images) asks CRI's ImageService.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Image name (without a tag) → the program file it runs, beside this one once compiled. */
export const ImageCatalogue: Readonly<Record<string, string>> = {
  'kubelab/echo': 'echo.js',
  'kubelab/sleeper': 'sleeper.js',
  'kubelab/exit': 'exit.js',
  'kubelab/crasher': 'crasher.js',
  'kubelab/readiness-toggle': 'readiness-toggle.js',
};

/** The tags every image has: none given means `latest`, as in Kubernetes. */
const Tags = ['latest', '1.0'];

export interface CatalogueImage {
  /** The program's path; its entrypoint is `node <program>`. */
  readonly program: string;
  /** A content-like id, as `status.containerStatuses[].imageID` shows. */
  readonly id: string;
}

/** The image named `reference` (`kubelab/echo`, `kubelab/echo:1.0`), or undefined. */
export function findImage(reference: string): CatalogueImage | undefined {
  const [name = '', tag = 'latest'] = reference.split(':');
  const file = ImageCatalogue[name];
  if (file === undefined || !Tags.includes(tag)) return undefined;
  const digest = createHash('sha256').update(`${name}:${tag}`).digest('hex');
  return { program: path.join(here, file), id: `${name}@sha256:${digest}` };
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
