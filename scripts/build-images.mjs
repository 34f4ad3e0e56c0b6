// Make sure the images kubelab's cluster runs on exist on this machine (after `npm run build`).
// setup.sh runs this so that the first `npm start` or `npm test` does not pay for the build.
import { createLogger } from '../dist/impl/client/logger.js';
import { ensureRuntimeImage } from '../dist/impl/cluster/images.js';

const image = await ensureRuntimeImage(createLogger('setup'));
console.log(`setup: runtime image ${image} is present`);
