// The annotations kubelab itself defines: the contract between the simulated node agent and
// whoever creates its nodes (a person, `npm start`, a scenario), and one fault kubelab injects.
//
// They are part of the API a person uses, like Kubernetes' well-known labels and annotations,
// so they live beside the client, where the launcher and the steps can read them without
// importing the agent. Real Kubernetes: k8s.io/api/core/v1 (well_known_labels.go,
// annotation_key_constants.go); kwok's `kwok.x-k8s.io/node: fake`.

/** `"true"` on a Node: the simulated node agent plays its kubelet. */
export const SimulatedNodeAnnotation = 'kubelab.dev/simulated-node';

/** `"stopped"` on a simulated Node: its kubelet falls silent, as a dead one would. */
export const HeartbeatAnnotation = 'kubelab.dev/heartbeat';

/**
 * Seconds, on any object: every informer applies the object's watch events that much later,
 * as a slow watch would. A fault kubelab injects, so that a person can see why a controller
 * counts the writes it expects to see before it acts again. Kubernetes has no such annotation.
 */
export const WatchDelayAnnotation = 'kubelab.dev/watch-delay-seconds';
